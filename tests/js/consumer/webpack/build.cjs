// Runs webpack's Node API (from the path given: the workspace's webpack) with its defaults
// (./src/index.js to ./dist/main.js): no config file, no experiments, only the mode.
const webpack = require(process.argv[2]);

webpack({ mode: "production", context: __dirname }, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  console.log(JSON.stringify(Object.keys(stats.compilation.assets)));
});

// Runs webpack's Node API (from the path given: the workspace's webpack) on webpack.config.cjs.
const webpack = require(process.argv[2]);
const config = require("./webpack.config.cjs");

webpack({ ...config, context: __dirname }, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  console.log(JSON.stringify(Object.keys(stats.compilation.assets)));
});

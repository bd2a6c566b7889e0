// As npm/README.md "webpack 5".
const path = require("node:path");

module.exports = {
  mode: "production",
  entry: "./src/index.js",
  output: { path: path.resolve(__dirname, "dist"), clean: true },
  experiments: { asyncWebAssembly: true },
  performance: { hints: false },
};

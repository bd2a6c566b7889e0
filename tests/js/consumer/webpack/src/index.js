// As npm/README.md "webpack 5": the default entry, and no webpack config beyond the mode.
import "../../page.js";

// As npm/README.md "Rollup".
import "../../page.js";

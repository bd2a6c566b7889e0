// As npm/README.md "esbuild".
import "../../page.js";

// As npm/README.md "Bun and Deno": Bun's bundler building a page.
import "../../page.js";

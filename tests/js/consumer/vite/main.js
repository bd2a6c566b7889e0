// As npm/README.md "Vite": the default entry, no plugin and no config.
import "../page.js";

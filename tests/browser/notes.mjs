// An engine note as the page shows it (www/README.md: amounts written as the page writes them):
// yuan of four digits or more grouped by thousands ("100000.00" → "100,000.00"), and in English
// a clause shown alone as a sentence (capitalised). Dates, years and codes are left alone.
export function groupedNote(text, lang = "zh") {
  const grouped = String(text).replace(/(^|[^\d.,])(\d{4,})\.(\d{2})(?!\d)/g, (all, before, yuan, fen) => {
    let out = "";
    for (let i = 0; i < yuan.length; i += 1) {
      if (i > 0 && (yuan.length - i) % 3 === 0) out += ",";
      out += yuan[i];
    }
    return `${before}${out}.${fen}`;
  });
  return lang === "en" ? grouped.charAt(0).toUpperCase() + grouped.slice(1) : grouped;
}

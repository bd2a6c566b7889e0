// The filing categories (备案类别), long-term or temporary, in the order the national app lists
// them: asked on the 备案信息 step, explained by the guide and the simple page (which need them
// without the step's code).
export const CATEGORIES = [
  ["retired_relocated", "long"], ["long_term_resident", "long"], ["stationed_worker", "long"],
  ["referral", "temp"], ["other_temporary", "temp"], ["emergency", "temp"],
];

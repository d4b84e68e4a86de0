/** The el-tag type of each customer grade: A gold, B blue, C green, D grey. */
export type GradeTagType = "warning" | "primary" | "success" | "info";

const TAG_TYPES: Record<string, GradeTagType> = { A: "warning", B: "primary", C: "success", D: "info" };

/** The tag colour of a grade; one the UI does not know yet shows grey. */
export function gradeTagType(grade: string): GradeTagType {
  return TAG_TYPES[grade] ?? "info";
}

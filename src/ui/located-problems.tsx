/** A problem found in a file, at a 1-based line and column (null when it could not be located). */
export interface LocatedProblem {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** `file:line:column`, as editors and terminals print a location. */
export const locationOf = (p: LocatedProblem) =>
  `${p.file}${p.line === null ? '' : `:${p.line}${p.column === null ? '' : `:${p.column}`}`}`;

/** The list of what is wrong in imported or published files, each with where it is. Text only. */
export function LocatedProblems({ problems }: { problems: readonly LocatedProblem[] }) {
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          <code>{locationOf(p)}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

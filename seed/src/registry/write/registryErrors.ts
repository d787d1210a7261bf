import { formatRegistryProblem, type RegistryProblem } from '../problems.ts';

/** The import cannot be planned as asked (no such district, several to choose from): nothing was read into the database. */
export class RegistryPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryPlanError';
  }
}

/**
 * The import was refused: the export has errors and the caller did not ask to hold the invalid
 * rows. Nothing was written. `problems` are the errors, each with its file, row, column, value and why.
 */
export class RegistryImportRefused extends Error {
  readonly problems: RegistryProblem[];
  constructor(file: string, problems: RegistryProblem[], why?: string) {
    const errors = problems.filter((p) => p.level === 'error');
    const head =
      why ??
      `${file} has ${errors.length} error(s); nothing was written. Fix them, or import the valid rows and hold the rest for review (--hold-invalid, holdInvalid: true).`;
    const shown = errors.slice(0, 20).map((p) => `  ${formatRegistryProblem(p)}`);
    super([head, ...shown, ...(errors.length > 20 ? [`  … and ${errors.length - 20} more`] : [])].join('\n'));
    this.name = 'RegistryImportRefused';
    this.problems = errors;
  }
}

/**
 * A count with its English noun: "1 finding", "2 findings", "1 story", "3 stories". Every summary line a person
 * reads (terminal, stderr notes, HTML, the job summary) counts with this, so none says "1 findings".
 */
export function plural(n: number, singular: string, pluralForm = /[^aeiou]y$/u.test(singular) ? `${singular.slice(0, -1)}ies` : `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

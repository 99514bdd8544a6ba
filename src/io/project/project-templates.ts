/**
 * The files `init` writes: a project file, an indicator tree, values for two years and a README for the team that
 * maintains the index. The tree and the values are an example to replace, small enough to read at a glance, and
 * complete: `compute` works on them right away.
 */

/** The files of a new project (path relative to its folder -> text). `schemaPath` is written into index.yaml for editors. */
export function projectTemplates(schemaPath: string): Record<string, string> {
  return {
    "index.yaml": `# yaml-language-server: $schema=${schemaPath}
# The choices of the yearly computation. Run "innovation-index compute" in this folder: no flags needed;
# a flag given on the command line overrides the value here. Paths are relative to this folder.
name: Example innovation index
description: Replace with what the index measures and who maintains it.

indicators: indicators.csv   # the indicator tree
values: data                 # every CSV file in data/ is read; add data/2021.csv for a new year
runs: runs                   # one folder per run; runs/LATEST names the last published one

methods:                     # each key is a compute option (the flag without --); see innovation-index compute --help
  base-year: 2017
  normalise: fixed-base      # 100 · value / base-year value, per indicator and unit
  aggregate: arithmetic      # weighted mean of the children, level by level
  weights: explicit          # the weights of indicators.csv
  missing: error             # error: every gap is an error; reweight: drop it and renormalise its siblings

outputs:
  decimals: 4
  report: false              # true: also write report.html
  xlsx: true                 # also write index.xlsx, every table in one Excel workbook

# How "innovation-index uncertainty" varies the choices (compute does not use this block). Uncomment to run the
# analysis with no flags; the first method of each list is the nominal one, the same as in methods: above.
# uncertainty:
#   weight-noise: 0.2                       # every weight within ±20% of itself, siblings renormalised
#   normalisations: [fixed-base, chain]     # normalisations to draw from
#   aggregations: [arithmetic, geometric]   # aggregations to draw from (geometric needs scores > 0: not with min-max)
#   replications: 1000                      # N of the Saltelli design
#   seed: 1                                 # the same seed gives the same numbers
#   out: uncertainty                        # uncertainty.csv, sensitivity.csv and uncertainty.html
`,
    "indicators.csv": `code,parent,name,name_en,weight,direction,unit
A,,创新投入,Innovation input,0.5,,
A1,A,研发经费内部支出占营业收入比重,R&D spending / revenue,,+,%
A2,A,每万名从业人员中研发人员数,R&D staff per 10 000 employees,,+,人
B,,创新产出,Innovation output,0.5,,
B1,B,每万人发明专利拥有量,Invention patents per 10 000 people,,+,件
B2,B,单位工业增加值能耗,Energy use per unit of value added,,-,吨标准煤/万元
`,
    "data/2017.csv": `unit,year,indicator,value,source
Example zone,2017,A1,1.80,example
Example zone,2017,A2,420,example
Example zone,2017,B1,35.0,example
Example zone,2017,B2,0.50,example
`,
    "data/2018.csv": `unit,year,indicator,value,source
Example zone,2018,A1,1.98,example
Example zone,2018,A2,462,example
Example zone,2018,B1,38.5,example
Example zone,2018,B2,0.40,example
`,
    "README.md": `# Example innovation index

How this index is computed every year, for the team that maintains it. The tool is the \`innovation-index\`
command (installed from its source: see \`docs/guides/install.md\` there); \`innovation-index --help\` lists every
option and \`innovation-index <command> --help\` each command's.

## Files

| path | what |
| --- | --- |
| \`index.yaml\` | the choices of the computation: tree, values, base year, methods, output options |
| \`indicators.csv\` | the indicator tree: \`code,parent,name,name_en,weight,direction,unit\` (direction \`+\` or \`-\`) |
| \`data/*.csv\` | the values, long format \`unit,year,indicator,value,source\`, one file per year (any split works) |
| \`runs/<run-id>/\` | one folder per computation: \`index.csv\`, \`index-wide.csv\`, \`scores.csv\`, \`index.json\`, \`input-values.csv\`, \`manifest.json\` |
| \`runs/LATEST\` | the id of the last published run: read the results from \`runs/$(cat runs/LATEST)/\` |

The shipped tree and values are an example: replace them with yours before publishing anything.

## Every year

1. Add the new year's values as \`data/<year>.csv\` (same columns). Nothing else changes.
2. \`innovation-index validate\`: every problem is listed with its file and line; fix them all.
3. \`innovation-index compute\`: writes a new run folder and moves \`runs/LATEST\` to it. The last line says what changed
   against the previous run.
4. \`innovation-index diff\`: every value that changed, inputs and outputs, with the size of the change.

## Revising a published value

Correct the value in its \`data/<year>.csv\` (keep a note in the \`source\` column), run \`compute\`, then
\`innovation-index diff\` to see which published index values moved and by how much. Earlier runs stay untouched in
\`runs/\`: they are the record of what was published when.

## How much the results depend on the choices

Uncomment the \`uncertainty:\` block of \`index.yaml\` and run \`innovation-index uncertainty\`: it recomputes the index
with the weights and methods varied as the block says and writes \`uncertainty/uncertainty.csv\` (each unit's 5–95%
interval of the index and of its rank), \`sensitivity.csv\` (which choice matters most) and \`uncertainty.html\`. The
same seed gives the same numbers.

## Safety

- A failed run (invalid data, full disk, killed job) never touches \`runs/LATEST\` or an earlier run.
- Only one run writes at a time (\`runs/.lock\`); a lock left by a killed run is detected and removed.
- \`manifest.json\` records the tool version, the options, the SHA-256 of every input file and of every output.
- \`innovation-index compute --quiet\` does nothing when neither the data nor the options changed (no new run
  folder; \`--force\` runs anyway): the command to schedule. Exit codes: 0 ok, 1 invalid input, 2 bad command line, 3 outputs not writable (or locked).
`,
  };
}

/** A small project for tests of project runs: two indicators over 2017-2018 in `data/`, one file a year. */
import { makeTempDir } from "../helpers.js";

/** A project named `name` with two indicators over 2017-2018; writing `YEAR_2019` as `data/2019.csv` makes the next run a new one. */
export function makeTwoYearProject(name: string): Promise<string> {
  return makeTempDir({
    "index.yaml": `name: ${name}\nindicators: indicators.csv\nvalues: data\nmethods:\n  base-year: 2017\n`,
    "indicators.csv": "code,parent,name,weight,direction\nA,,Indicator A,,+\nB,,Indicator B,,-\n",
    "data/2017.csv": "unit,year,indicator,value\nU1,2017,A,10\nU1,2017,B,20\nU2,2017,A,5\nU2,2017,B,8\n",
    "data/2018.csv": "unit,year,indicator,value\nU1,2018,A,12\nU1,2018,B,18\nU2,2018,A,6\nU2,2018,B,9\n",
  });
}

/** The values of 2019, for `data/2019.csv`. */
export const YEAR_2019 = "unit,year,indicator,value\nU1,2019,A,13\nU1,2019,B,17\nU2,2019,A,7\nU2,2019,B,9\n";

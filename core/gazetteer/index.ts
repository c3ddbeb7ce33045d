export { loadGazetteer, makeGazetteer, defaultGazetteerPath, GazetteerFile } from './gazetteer.js';
export type { Gazetteer, Division, Level } from './gazetteer.js';
export { shortName, divisionSuffix, DIVISION_SUFFIXES } from './short-name.js';

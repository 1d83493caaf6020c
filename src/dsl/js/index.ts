export { planJs, type JsScorer } from './plan';

// Loaded lazily by LazyMotion so the animation engine stays out of the first paint. Only `animate`
// is used (the meters ease to a value): no gestures, so the smallest feature bundle.
import { domMin } from 'framer-motion';

export default domMin;

// Loaded lazily by LazyMotion so the animation engine stays out of the first paint.
import { domAnimation } from 'framer-motion';

export default domAnimation;

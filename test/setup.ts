// jest-dom matchers are only meaningful in jsdom test files, but registering them is harmless elsewhere.
import '@testing-library/jest-dom/vitest';

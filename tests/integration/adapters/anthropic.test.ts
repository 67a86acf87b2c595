import { adapterSuite } from './adapter-suite.js';
import { FAMILIES } from './harness.js';

adapterSuite(FAMILIES['anthropic']!);

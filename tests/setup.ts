import { afterAll } from 'vitest';
import { removeTempDirs } from '@/scripts/temp-dirs';

// After each test file: the temporary folders its harnesses made
// (scripts/temp-dirs.ts: test databases, app databases) are removed.
afterAll(() => removeTempDirs());

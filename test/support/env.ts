/**
 * Environment for every Node test file. @salesforce/core's logger writes through a pino worker
 * thread that outlives a test file in a reused jest worker; a test that points the home folder at a
 * temporary directory would leave it writing into a deleted folder. Tests need no log file.
 */
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';

// Prints the suites that were skipped, with why, then one plain closing line
// ("jest: N passed, N failed, N skipped") that CI reads in any language.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skippedSuites = new Set();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const title = test.ancestorTitles[0];
        if (test.status === 'pending' && title && title.includes('[skipped:')) skippedSuites.add(title);
      }
    }
    for (const title of skippedSuites) process.stdout.write(`skipped suite: ${title}\n`);
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;

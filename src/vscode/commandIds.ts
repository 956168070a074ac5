// Command ids, in one place: package.json's contributes.commands uses the same strings.
export const COMMANDS = {
  showVersion: 'snowparkLocal.showVersion',
  runHandler: 'snowparkLocal.runHandler',
  runHandlerWithArguments: 'snowparkLocal.runHandlerWithArguments',
  debugHandler: 'snowparkLocal.debugHandler',
  runCall: 'snowparkLocal.runCallStatement',
  rerunLast: 'snowparkLocal.rerunLastRun',
  runWorksheet: 'snowparkLocal.runWorksheet',
  cancelRun: 'snowparkLocal.cancelRun',
  cancelAll: 'snowparkLocal.cancelAll',
  awaitJob: 'snowparkLocal.awaitJob',
  cancelJob: 'snowparkLocal.cancelJob',
  showJobResult: 'snowparkLocal.showJobResult',
  copyQueryId: 'snowparkLocal.copyQueryId',
  clearFinished: 'snowparkLocal.clearFinished',
  selectTarget: 'snowparkLocal.selectTarget',
  selectWarehouseType: 'snowparkLocal.selectWarehouseType',
  openDatabase: 'snowparkLocal.openLocalDatabase',
  resetDatabase: 'snowparkLocal.resetLocalDatabase',
  showOutput: 'snowparkLocal.showOutput',
  deployProcedure: 'snowparkLocal.deployProcedure',
  runSavedRun: 'snowparkLocal.runSavedRun',
  saveArguments: 'snowparkLocal.saveArgumentsAsSavedRun',
  saveResultAsExpected: 'snowparkLocal.saveResultAsExpected',
} as const;

export const JOBS_VIEW_ID = 'snowparkLocal.jobs';

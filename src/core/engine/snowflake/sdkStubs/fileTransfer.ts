import { NotInBundleError } from './notInBundle';

// Stands in for snowflake-sdk's file_transfer_agent inside the bundle (scripts/build.mjs):
// the SDK creates one only for a PUT or GET statement, and with it go mime-types, the
// stage utilities and the cloud clients. A PUT/GET then fails with this error, the SDK
// passing it to the statement's callback like any other failure.

class FileTransferAgent {
  constructor() {
    throw new NotInBundleError('file transfer (a PUT or GET statement was run)');
  }
}

export = FileTransferAgent;

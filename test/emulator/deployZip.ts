/** Tests' raw deploy: files zipped as they are, deployed through jsforce, polled until done. */
import JSZip from 'jszip';
import { Connection } from 'jsforce';
import type { OrgEmulator } from './server';

/** A jsforce connection to the emulator at this API version, with a fresh session. */
export function emulatorConnection(emu: OrgEmulator, version = '66.0'): Connection {
  return new Connection({ instanceUrl: emu.url, accessToken: emu.issueToken(), version });
}

export async function deployZip(emu: OrgEmulator, files: Record<string, string>, version = '66.0') {
  const conn = emulatorConnection(emu, version);
  const zip = new JSZip();
  for (const [p, c] of Object.entries(files)) zip.file(p, c);
  const { id } = await conn.metadata.deploy(await zip.generateAsync({ type: 'nodebuffer' }), { singlePackage: true });
  let status = await conn.metadata.checkDeployStatus(id, true);
  while (!status.done) status = await conn.metadata.checkDeployStatus(id, true);
  return status;
}

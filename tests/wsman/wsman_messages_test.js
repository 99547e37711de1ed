#!/usr/bin/env node
// @device-management-toolkit/wsman-messages (the DMTF WS-Management message builder of the
// Intel AMT tooling, from npm) builds Enumerate, Pull, Get and Invoke messages for CIM classes;
// `wmimock serve` must answer each correctly. Its envelopes use the SOAP namespace as the
// default namespace, unprefixed bodies and no __cimnamespace selector.
//
// Environment: WMIMOCK_CLI (the wmimock binary), WMIMOCK_NODE_MODULES (where
// scripts/install-node-tools.sh put the package). Exits 77 (ctest: skipped) without it.
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');

// WMIMOCK_NODE_MODULES: the node_modules folders to look in, separated by ':'.
let wsman;
for (const folder of (process.env.WMIMOCK_NODE_MODULES || '').split(':').filter(Boolean)) {
  try {
    wsman = require(path.join(folder, '@device-management-toolkit/wsman-messages'));
    break;
  } catch (e) {
    // try the next folder
  }
}
if (!wsman) {
  console.log('SKIP: @device-management-toolkit/wsman-messages is not installed; run scripts/install-node-tools.sh');
  process.exit(77);
}

const CIM = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/';
const creator = new wsman.CIM.Messages().wsmanMessageCreator;
const Actions = { ENUMERATE: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate',
  PULL: 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull',
  GET: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Get' };

function post(port, body) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/wsman', method: 'POST',
      auth: 'alice:s3cret', headers: { 'Content-Type': 'application/soap+xml;charset=UTF-8' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// The builder's object form of a selector set writes only EPR-valued selectors (text values
// come out empty), so several text keys are added to the header it built.
const withKeys = (header, keys) => header.replace('</Header>', '<w:SelectorSet>' +
  Object.entries(keys).map(([name, value]) => `<w:Selector Name="${name}">${value}</w:Selector>`).join('') +
  '</w:SelectorSet></Header>');

const valueOf = (xml, element) => {
  const match = xml.match(new RegExp(`<(?:\\w+:)?${element}(?: [^>]*)?>([^<]*)</(?:\\w+:)?${element}>`));
  return match ? match[1] : undefined;
};
const allValuesOf = (xml, element) =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${element}>([^<]*)</(?:\\w+:)?${element}>`, 'g'))].map((m) => m[1]);

async function main() {
  const serve = spawn(process.env.WMIMOCK_CLI, ['serve', '--listen', '127.0.0.1:0', '--target', 'builtin:reference',
    '--user', 'alice', '--password', 's3cret'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    serve.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/and http:\/\/127\.0\.0\.1:(\d+)\/wsman/);
      if (match) resolve(Number(match[1]));
    });
    serve.on('exit', (code) => reject(new Error(`wmimock serve exited with ${code}: ${seen}`)));
  });
  try {
    // Enumerate CIM_Service (polymorphic), then Pull to the end.
    let reply = await post(port, creator.createXml(creator.createHeader(Actions.ENUMERATE, 'CIM_Service'),
      creator.createCommonBody.Enumerate()));
    assert.equal(reply.status, 200, reply.text);
    let context = valueOf(reply.text, 'EnumerationContext');
    assert.ok(context, 'no enumeration context');
    const names = [];
    for (let pulls = 0; context && pulls < 100; pulls++) {
      reply = await post(port, creator.createXml(creator.createHeader(Actions.PULL, 'CIM_Service'),
        creator.createCommonBody.Pull(context, 2)));
      assert.equal(reply.status, 200, reply.text);
      names.push(...allValuesOf(reply.text, 'Name'));
      context = reply.text.includes('EndOfSequence') ? undefined : valueOf(reply.text, 'EnumerationContext');
    }
    assert.deepEqual(names.sort(), ['Alpha', 'Beta', 'Delta', 'Gamma']);
    console.log('ok: Enumerate and Pull CIM_Service');

    // Get one WMIMock_Service by its keys.
    const alpha = { CreationClassName: 'WMIMock_Service', Name: 'Alpha',
      SystemCreationClassName: 'WMIMock_ComputerSystem', SystemName: 'wmimock-host' };
    reply = await post(port, creator.createXml(withKeys(creator.createHeader(Actions.GET, 'WMIMock_Service'), alpha),
      creator.createCommonBody.Get()));
    assert.equal(reply.status, 200, reply.text);
    assert.equal(valueOf(reply.text, 'Name'), 'Alpha');
    assert.equal(valueOf(reply.text, 'EnabledState'), '2');
    console.log('ok: Get WMIMock_Service');

    // Invoke RequestStateChange(3) and StartService with the builder's bodies.
    reply = await post(port, creator.createXml(
      withKeys(creator.createHeader(`${CIM}WMIMock_Service/RequestStateChange`, 'WMIMock_Service'), alpha),
      creator.createCommonBody.RequestStateChange(`${CIM}WMIMock_Service`, 3)));
    assert.equal(reply.status, 200, reply.text);
    assert.equal(valueOf(reply.text, 'ReturnValue'), '0');
    reply = await post(port, creator.createXml(withKeys(creator.createHeader(Actions.GET, 'WMIMock_Service'), alpha),
      creator.createCommonBody.Get()));
    assert.equal(valueOf(reply.text, 'EnabledState'), '3');
    reply = await post(port, creator.createXml(
      withKeys(creator.createHeader(`${CIM}WMIMock_Service/StartService`, 'WMIMock_Service'), alpha),
      creator.createBody('StartService_INPUT', 'WMIMock_Service', {})));
    assert.equal(reply.status, 200, reply.text);
    assert.equal(valueOf(reply.text, 'ReturnValue'), '0');
    console.log('ok: Invoke RequestStateChange and StartService');

    // The builder's own single-selector form: a Name alone names no WMIMock_Service, and the
    // fault carries the CIMOM's own answer to that path (CIM_ERR_NOT_FOUND).
    reply = await post(port, creator.createXml(
      creator.createHeader(Actions.GET, 'WMIMock_Service', { name: 'Name', value: 'Alpha' }),
      creator.createCommonBody.Get()));
    assert.equal(reply.status, 500, reply.text);
    assert.match(reply.text, /<p:CIMStatusCode>6<\/p:CIMStatusCode>/);
    console.log('ok: a fault for an incomplete selector set');

    // A class the server does not have: a fault, not a crash or an empty answer.
    reply = await post(port, new wsman.CIM.Messages().KVMRedirectionSAP.Enumerate());
    assert.equal(reply.status, 500, reply.text);
    assert.match(reply.text, /DestinationUnreachable/);
    console.log('ok: a fault for a class the server does not have');
  } finally {
    serve.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(`FAIL: ${e.stack || e}`);
  process.exit(1);
});

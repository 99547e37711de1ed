#!/usr/bin/env python3
"""pywinrm, the WinRM client most Python tooling uses, against `wmimock serve`'s /wsman.

pywinrm's Protocol sends the messages with its own HTTP transport and Basic authentication
and turns SOAP faults into its own exceptions; the messages are written here as a WinRM
user would write them. Covers Identify, enumerations of Win32_Service and CIM_Service
(WMI and DMTF resource URIs, WQL), Get, StopService, Hyper-V's RequestStateChange with the
job followed to completion through its EPR, and the fault for a wrong selector; then the same
over NTLM ("Negotiate", WinRM's default) with every message sealed, pywinrm's NTLM being an
independent implementation (ntlm-auth) of what wmimock does through gss-ntlmssp.

Needs Debian's python3-winrm (scripts/setup.sh) and exits 77 (ctest: skipped) without it.
Environment: WMIMOCK_CLI (the wmimock binary).
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
import xml.etree.ElementTree as ET

SKIP = 77

# pywinrm's NTLM (ntlm-auth) hashes with MD4, which OpenSSL 3 keeps in its legacy provider.
# OpenSSL reads its configuration once, and Python has met OpenSSL by now (random imports
# hashlib): run again with a configuration that loads the legacy provider too.
if "WMIMOCK_PYWINRM_SSL" not in os.environ:
    conf_path = os.path.join(tempfile.mkdtemp(prefix="wmimock-pywinrm-ssl-"), "openssl.cnf")
    with open(conf_path, "w") as conf:
        conf.write("openssl_conf = init_sect\n[init_sect]\nproviders = provider_sect\n[provider_sect]\n"
                   "default = default_sect\nlegacy = legacy_sect\n[default_sect]\nactivate = 1\n"
                   "[legacy_sect]\nactivate = 1\n")
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, OPENSSL_CONF=conf_path, WMIMOCK_PYWINRM_SSL="1"))

try:
    from winrm.exceptions import WinRMError
    from winrm.protocol import Protocol
except ImportError as e:
    print(f"SKIP: pywinrm cannot be imported ({e}); run scripts/setup.sh")
    sys.exit(SKIP)

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "wsa": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "wsman": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "wsen": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
    "wsmid": "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd",
}
WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/"
DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/"
ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate"
PULL = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull"
GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get"
WQL = "http://schemas.microsoft.com/wbem/wsman/1/WQL"


def envelope(action, resource_uri, selectors=None, body=""):
    selector_set = ""
    if selectors:
        selector_set = "<w:SelectorSet>" + "".join(
            f'<w:Selector Name="{name}">{value}</w:Selector>' for name, value in selectors.items()) + "</w:SelectorSet>"
    action_header = f'<a:Action s:mustUnderstand="true">{action}</a:Action>' if action else ""
    return f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
 xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
 xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
 xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration">
<s:Header>
 <a:To>http://windows-host:5985/wsman</a:To>
 <w:ResourceURI s:mustUnderstand="true">{resource_uri}</w:ResourceURI>
 <a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
 {action_header}
 <w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize>
 <a:MessageID>uuid:{uuid.uuid4()}</a:MessageID>
 <w:Locale xml:lang="en-US" s:mustUnderstand="false"/>
 <w:OperationTimeout>PT60S</w:OperationTimeout>
 {selector_set}
</s:Header>
<s:Body>{body}</s:Body>
</s:Envelope>"""


class Server:
    """One `wmimock serve` child serving several built-ins on ephemeral ports."""

    def __init__(self, targets, scratch, auth=("--user", "alice", "--password", "s3cret")):
        args = [os.environ["WMIMOCK_CLI"], "serve", "--listen", "127.0.0.1:0", *auth]
        for target in targets:
            args += ["--target", target]
        self.stderr = open(os.path.join(scratch, "serve.txt"), "w")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        self.endpoints = {}
        for _ in targets:
            line = self.process.stdout.readline()
            match = re.search(r"serving (\S+) at .* (http://\S+/wsman)", line)
            if not match:
                self.stop()
                raise RuntimeError(f"wmimock serve did not start: {line!r}")
            self.endpoints[match.group(1)] = match.group(2)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.stderr.close()


SERVER = None
NTLM_SERVER = None


def setUpModule():
    global SERVER, NTLM_SERVER
    scratch = tempfile.mkdtemp(prefix="wmimock-pywinrm-")
    SERVER = Server(["builtin:win32", "builtin:hyperv"], scratch)
    users = os.path.join(scratch, "ntlm-users.txt")
    with open(users, "w") as f:
        f.write("WMIMOCK:bob:Ntlm-s3cret\n")
    NTLM_SERVER = Server(["builtin:win32"], tempfile.mkdtemp(prefix="wmimock-pywinrm-ntlm-"),
                         auth=("--ntlm-users", users))


def tearDownModule():
    SERVER.stop()
    NTLM_SERVER.stop()


def protocol(target):
    return Protocol(endpoint=SERVER.endpoints[target], transport="plaintext", username="alice",
                    password="s3cret", read_timeout_sec=30, operation_timeout_sec=20)


def body_of(reply):
    return ET.fromstring(reply).find("s:Body", NS)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def properties(element):
    return {local(child.tag): (child.text or "") for child in element}


def enumerate_all(p, resource_uri, selectors=None, filter_xml="", mode=""):
    """Enumerate + Pull to the end, three items at a time: the item elements."""
    mode_xml = f"<w:EnumerationMode>{mode}</w:EnumerationMode>" if mode else ""
    reply = p.send_message(envelope(ENUMERATE, resource_uri, selectors,
                                    f"<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>3</w:MaxElements>"
                                    f"{mode_xml}{filter_xml}</n:Enumerate>"))
    response = body_of(reply).find("wsen:EnumerateResponse", NS)
    items = list(response.find("wsman:Items", NS))
    context = response.findtext("wsen:EnumerationContext", namespaces=NS)
    ended = response.find("wsman:EndOfSequence", NS) is not None
    while not ended:
        reply = p.send_message(envelope(PULL, resource_uri, selectors,
                                        f"<n:Pull><n:EnumerationContext>{context}</n:EnumerationContext>"
                                        f"<n:MaxElements>3</n:MaxElements></n:Pull>"))
        pulled = body_of(reply).find("wsen:PullResponse", NS)
        items += list(pulled.find("wsen:Items", NS))
        ended = pulled.find("wsen:EndOfSequence", NS) is not None
        context = pulled.findtext("wsen:EnumerationContext", default=context, namespaces=NS)
    return items


def selectors_of(epr):
    return {s.get("Name"): s.text or "" for s in epr.iter(f"{{{NS['wsman']}}}Selector")}


class Win32ServiceOverPywinrm(unittest.TestCase):
    def setUp(self):
        self.p = protocol("builtin:win32")
        self.uri = WMI + "root/cimv2/Win32_Service"

    def test_identify(self):
        reply = self.p.send_message(envelope(None, self.uri, body='<wsmid:Identify xmlns:wsmid="%s"/>' % NS["wsmid"]))
        response = body_of(reply).find("wsmid:IdentifyResponse", NS)
        self.assertEqual(response.findtext("wsmid:ProductVendor", namespaces=NS), "wmimock")
        self.assertEqual(response.findtext("wsmid:ProtocolVersion", namespaces=NS), NS["wsman"])

    def test_enumerations_by_wmi_and_dmtf_uri_agree(self):
        services = enumerate_all(self.p, self.uri)
        names = sorted(properties(s)["Name"] for s in services)
        self.assertGreaterEqual(len(names), 4, names)  # more than one Pull's worth
        self.assertTrue(all(local(s.tag) == "Win32_Service" for s in services))
        polymorphic = enumerate_all(self.p, DMTF + "CIM_Service", {"__cimnamespace": "root/cimv2"},
                                    mode="EnumerateObjectAndEPR")
        self.assertEqual(sorted(properties(item[0])["Name"] for item in polymorphic), names)
        by_wql = enumerate_all(self.p, WMI + "root/cimv2/*",
                               filter_xml=f'<w:Filter Dialect="{WQL}">SELECT * FROM Win32_Service</w:Filter>')
        self.assertEqual(sorted(properties(s)["Name"] for s in by_wql), names)

    def test_get_then_stop_service(self):
        eprs = enumerate_all(self.p, self.uri, mode="EnumerateEPR")
        running = None
        for epr in eprs:
            keys = selectors_of(epr)
            got = properties(body_of(self.p.send_message(envelope(GET, self.uri, keys)))[0])
            self.assertEqual(got["Name"], keys["Name"])
            if got["Started"] == "true" and running is None:
                running = keys
        self.assertIsNotNone(running, "no running service to stop")
        reply = self.p.send_message(envelope(self.uri + "/StopService", self.uri, running,
                                             f'<p:StopService_INPUT xmlns:p="{self.uri}"/>'))
        output = body_of(reply)[0]
        self.assertEqual(local(output.tag), "StopService_OUTPUT")
        self.assertEqual(properties(output)["ReturnValue"], "0")
        after = properties(body_of(self.p.send_message(envelope(GET, self.uri, running)))[0])
        self.assertEqual(after["Started"], "false")
        self.assertEqual(after["State"], "Stopped")

    def test_wrong_selector_is_a_fault(self):
        with self.assertRaises(WinRMError) as raised:
            self.p.send_message(envelope(GET, self.uri, {"Name": "NoSuchService", "CreationClassName": "Win32_Service",
                                                         "SystemCreationClassName": "Win32_ComputerSystem",
                                                         "SystemName": "nowhere"}))
        self.assertIn("DestinationUnreachable", str(raised.exception))
        self.assertIn("2147749890", str(raised.exception))  # WBEM_E_NOT_FOUND in WSManFault/@Code

    def test_wrong_password_is_refused(self):
        p = Protocol(endpoint=SERVER.endpoints["builtin:win32"], transport="plaintext", username="alice",
                     password="wrong")
        with self.assertRaises(Exception) as raised:
            p.send_message(envelope(GET, self.uri, {"Name": "x"}))
        self.assertIn("credentials", str(raised.exception).lower())


class HyperVOverPywinrm(unittest.TestCase):
    def test_request_state_change_job_followed_to_completion(self):
        p = protocol("builtin:hyperv")
        wildcard = WMI + "root/virtualization/v2/*"
        found = enumerate_all(p, wildcard, mode="EnumerateObjectAndEPR",
                              filter_xml=f'<w:Filter Dialect="{WQL}">SELECT * FROM CIM_Service WHERE EnabledState = 2'
                                         f'</w:Filter>')
        self.assertTrue(found, "no enabled service in root/virtualization/v2")
        instance, epr = found[0][0], found[0][1]
        class_name = local(instance.tag)
        uri = WMI + "root/virtualization/v2/" + class_name
        keys = selectors_of(epr)
        reply = p.send_message(envelope(uri + "/RequestStateChange", uri, keys,
                                        f'<p:RequestStateChange_INPUT xmlns:p="{uri}">'
                                        f'<p:RequestedState>3</p:RequestedState></p:RequestStateChange_INPUT>'))
        output = body_of(reply)[0]
        self.assertEqual(output.findtext(f"{{{uri}}}ReturnValue"), "4096")
        job = output.find(f"{{{uri}}}Job")
        job_uri = job.findtext("wsa:ReferenceParameters/wsman:ResourceURI", namespaces=NS)
        job_keys = selectors_of(job)
        deadline = time.monotonic() + 60
        state = None
        while time.monotonic() < deadline:
            state = properties(body_of(p.send_message(envelope(GET, job_uri, job_keys)))[0])["JobState"]
            if state in ("7", "8", "9", "10", "11"):
                break
            time.sleep(0.2)
        self.assertEqual(state, "7", "the job did not complete")
        after = properties(body_of(p.send_message(envelope(GET, uri, keys)))[0])
        self.assertEqual(after["EnabledState"], "3")


def md4_available():
    import hashlib
    try:
        hashlib.new("md4", b"")
        return True
    except ValueError:
        return False


@unittest.skipUnless(md4_available(), "pywinrm's NTLM needs MD4, which this OpenSSL does not provide")
class NtlmSealedOverPywinrm(unittest.TestCase):
    """WinRM's default: NTLM over http://, each message sealed (multipart/encrypted)."""

    def setUp(self):
        self.uri = WMI + "root/cimv2/Win32_Service"

    def ntlm(self, password="Ntlm-s3cret"):
        return Protocol(endpoint=NTLM_SERVER.endpoints["builtin:win32"], transport="ntlm",
                        username="WMIMOCK\\bob", password=password, message_encryption="always",
                        read_timeout_sec=30, operation_timeout_sec=20)

    def test_sealed_stop_service_round_trip(self):
        p = self.ntlm()
        found = enumerate_all(p, self.uri, mode="EnumerateObjectAndEPR",
                              filter_xml=f'<w:Filter Dialect="{WQL}">SELECT * FROM Win32_Service WHERE '
                                         f'Started = TRUE</w:Filter>')
        self.assertTrue(found, "no started Win32_Service over the sealed session")
        self.assertIsNotNone(p.transport.encryption, "pywinrm did not seal the messages")
        keys = selectors_of(found[0][1])
        reply = p.send_message(envelope(self.uri + "/StopService", self.uri, keys,
                                        f'<p:StopService_INPUT xmlns:p="{self.uri}"/>'))
        self.assertEqual(body_of(reply)[0].findtext(f"{{{self.uri}}}ReturnValue"), "0")
        after = properties(body_of(p.send_message(envelope(GET, self.uri, keys)))[0])
        self.assertEqual(after["Started"], "false")

    def test_a_sealed_fault_reaches_the_client(self):
        with self.assertRaises(WinRMError) as raised:
            self.ntlm().send_message(envelope(GET, self.uri, {"Name": "NoSuchService"}))
        self.assertIn("DestinationUnreachable", str(raised.exception))  # the fault, opened

    def test_wrong_password_is_refused(self):
        with self.assertRaises(Exception) as raised:
            self.ntlm(password="wrong").send_message(envelope(GET, self.uri, {"Name": "x"}))
        self.assertIn("credentials", str(raised.exception).lower())

    def test_basic_is_not_offered(self):
        p = Protocol(endpoint=NTLM_SERVER.endpoints["builtin:win32"], transport="plaintext", username="bob",
                     password="Ntlm-s3cret")
        with self.assertRaises(Exception) as raised:
            p.send_message(envelope(GET, self.uri, {"Name": "x"}))
        self.assertIn("credentials", str(raised.exception).lower())


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""pywbem, the most used WBEM client, against `wmimock serve`.

Every operation pywbem offers that wmimock serves is called as a user of pywbem would call
it, and every CIM-XML response the server sent is validated against the DSP0201 DTDs 2.3.1
and 2.4.0 with xmllint. Needs the pinned pywbem in ../shared/tools/pywbem (with Debian's
python3-ply, python3-requests, python3-yaml, python3-typing-extensions: scripts/setup.sh)
and exits 77 (ctest: skipped) with a message when it is absent.

Environment: WMIMOCK_CLI (the wmimock binary), WMIMOCK_SHARED_DIR (../shared).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SKIP = 77
SHARED = os.environ.get("WMIMOCK_SHARED_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
PYWBEM_DIR = os.path.join(SHARED, "tools", "pywbem")
DTD_DIR = os.path.join(SHARED, "data", "cimxml-dtd")
DTDS = ("DSP0203_2.3.1.dtd", "DSP0203_2.4.0.dtd")

if not os.path.isdir(os.path.join(PYWBEM_DIR, "pywbem")):
    print(f"SKIP: pywbem not found at {PYWBEM_DIR} (../shared is absent)")
    sys.exit(SKIP)
sys.path.insert(0, PYWBEM_DIR)
try:
    import pywbem  # noqa: E402
except ImportError as e:  # a Debian package pywbem needs is missing
    print(f"SKIP: pywbem cannot be imported ({e}); run scripts/setup.sh")
    sys.exit(SKIP)

import warnings  # noqa: E402

warnings.simplefilter("ignore", pywbem.ToleratedServerIssueWarning)


class Server:
    """A `wmimock serve` child on an ephemeral port, stopped with SIGTERM."""

    def __init__(self, target, scratch):
        cli = os.environ["WMIMOCK_CLI"]
        self.stderr = open(os.path.join(scratch, f"serve-{target.replace(':', '-')}.txt"), "w")
        self.process = subprocess.Popen(
            [cli, "serve", "--listen", "127.0.0.1:0", "--target", target],
            stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://[^/\s]+)/(\S+)", line)
        if not match:
            self.stop()
            raise RuntimeError(f"wmimock serve did not start: {line!r}")
        self.url, self.namespace = match.group(1), match.group(2)

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


SCRATCH = None
SERVER = None
REPLIES = []  # (operation, raw CIM-XML reply) of the calls made, for the DTD test


def setUpModule():
    global SCRATCH, SERVER
    SCRATCH = tempfile.mkdtemp(prefix="wmimock-pywbem-")
    SERVER = Server("builtin:reference", SCRATCH)


def tearDownModule():
    SERVER.stop()
    shutil.rmtree(SCRATCH, ignore_errors=True)


class ClientTest(unittest.TestCase):
    def setUp(self):
        self.conn = pywbem.WBEMConnection(SERVER.url, None, default_namespace=SERVER.namespace, timeout=20)
        self.conn.debug = True

    def tearDown(self):
        self.conn.close()

    def call(self, operation, *args, **kwargs):
        """Calls conn.<operation> and keeps its raw reply for the DTD test."""
        try:
            return getattr(self.conn, operation)(*args, **kwargs)
        finally:
            if self.conn.last_raw_reply:
                REPLIES.append((operation, self.conn.last_raw_reply))

    def expect_error(self, status, operation, *args, **kwargs):
        with self.assertRaises(pywbem.CIMError) as raised:
            self.call(operation, *args, **kwargs)
        self.assertEqual(raised.exception.status_code, status, str(raised.exception))

    def services(self):
        return self.call("EnumerateInstanceNames", "CIM_Service")


class Classes(ClientTest):
    def test_enumerate_classes_deep_includes_the_system_classes(self):
        classes = self.call("EnumerateClasses", DeepInheritance=True, IncludeQualifiers=True)
        names = {c.classname for c in classes}
        self.assertIn("CIM_Service", names)
        self.assertIn("__SystemSecurity", names)
        names_only = self.call("EnumerateClassNames", DeepInheritance=True)
        self.assertEqual(set(names_only), names)

    def test_get_class_with_embedded_object_parameters(self):
        security = self.call("GetClass", "__SystemSecurity", LocalOnly=False, IncludeQualifiers=True)
        self.assertTrue(security.methods, "the WMI system class declares methods")
        service = self.call("GetClass", "CIM_Service", LocalOnly=False, IncludeQualifiers=True,
                            IncludeClassOrigin=True)
        self.assertEqual(service.methods["StopService"].return_type, "uint32")
        self.assertEqual(service.properties["Name"].class_origin, "CIM_Service")

    def test_qualifier_declarations(self):
        declarations = self.call("EnumerateQualifiers")
        names = {q.name for q in declarations}
        self.assertTrue({"Key", "Description", "ValueMap", "Override"} <= names, names)
        key = self.call("GetQualifier", "Key")
        self.assertEqual((key.type, key.value, key.overridable), ("boolean", False, False))
        self.assertTrue(key.scopes["PROPERTY"] and key.scopes["REFERENCE"])
        value_map = self.call("GetQualifier", "ValueMap")
        self.assertTrue(value_map.is_array)
        self.assertEqual(value_map.type, "string")
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetQualifier", "NoSuchQualifier")

    def test_bad_class_is_invalid_class_or_not_found(self):
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetClass", "No_Such_Class")
        self.expect_error(pywbem.CIM_ERR_INVALID_CLASS, "EnumerateInstanceNames", "No_Such_Class")


class Instances(ClientTest):
    def test_enumerate_get_and_modify(self):
        paths = self.services()
        self.assertEqual(len(paths), 4)
        instances = self.call("EnumerateInstances", "CIM_Service")
        self.assertEqual({i.path.keybindings["Name"] for i in instances}, {p.keybindings["Name"] for p in paths})
        instance = self.call("GetInstance", paths[0])
        self.assertEqual(instance.path.keybindings["Name"], paths[0].keybindings["Name"])
        self.call("ModifyInstance", instance)

    def test_query(self):
        rows = self.call("ExecQuery", "WQL", "SELECT Name, Started FROM CIM_Service WHERE Started = TRUE")
        self.assertTrue(all(r["Started"] for r in rows))

    def test_bad_namespace_and_key(self):
        self.expect_error(pywbem.CIM_ERR_INVALID_NAMESPACE, "EnumerateInstanceNames", "CIM_Service",
                          namespace="root/nosuchnamespace")
        path = self.services()[0].copy()
        path.keybindings["Name"] = "NoSuchService"
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetInstance", path)


class Methods(ClientTest):
    def test_stop_and_start_service(self):
        path = self.services()[0]
        rv, out = self.call("InvokeMethod", "StopService", path)
        self.assertEqual(rv, 0)
        self.assertFalse(self.call("GetInstance", path)["Started"])
        rv, out = self.call("InvokeMethod", "RequestStateChange", path, RequestedState=pywbem.Uint16(2))
        self.assertEqual(rv, 0)
        self.assertTrue(self.call("GetInstance", path)["Started"])

    def test_bad_method_and_parameter(self):
        path = self.services()[0]
        self.expect_error(pywbem.CIM_ERR_METHOD_NOT_FOUND, "InvokeMethod", "NoSuchMethod", path)
        self.expect_error(pywbem.CIM_ERR_INVALID_PARAMETER, "InvokeMethod", "RequestStateChange", path,
                          NoSuchParameter=pywbem.Uint16(2))

    def test_a_method_on_a_class_path_must_be_static(self):
        # StopService is an instance method: on the class it is not supported (not "not found").
        self.expect_error(pywbem.CIM_ERR_NOT_SUPPORTED, "InvokeMethod", "StopService",
                          pywbem.CIMClassName(self.services()[0].classname))
        self.expect_error(pywbem.CIM_ERR_METHOD_NOT_FOUND, "InvokeMethod", "NoSuchMethod",
                          pywbem.CIMClassName("CIM_Service"))


class Associations(ClientTest):
    def test_instance_level_traversal(self):
        path = self.services()[0]
        systems = self.call("AssociatorNames", path, AssocClass="CIM_HostedService")
        self.assertEqual([p.classname for p in systems], ["WMIMock_ComputerSystem"])
        self.assertEqual(len(self.call("Associators", path, AssocClass="CIM_HostedService")), 1)
        references = self.call("References", path, ResultClass="CIM_HostedService")
        self.assertEqual([r.classname for r in references], ["CIM_HostedService"])
        self.assertEqual(len(self.call("ReferenceNames", path)), len(self.call("References", path)))


class ClassAssociations(ClientTest):
    """A class as ObjectName: the traversal runs over the class definitions."""

    def test_associator_and_reference_names_of_a_class(self):
        names = self.call("AssociatorNames", "CIM_Service", AssocClass="CIM_HostedService")
        self.assertTrue(all(isinstance(n, pywbem.CIMClassName) for n in names))
        self.assertEqual([n.classname for n in names], ["CIM_System"])
        self.assertEqual(names[0].namespace, SERVER.namespace)
        references = self.call("ReferenceNames", "CIM_Service", ResultClass="CIM_HostedService")
        self.assertEqual([r.classname for r in references], ["CIM_HostedService"])
        self.assertIn("CIM_HostedService", [r.classname for r in self.call("ReferenceNames", "CIM_Service")])
        by_role = self.call("ReferenceNames", "CIM_Service", Role="Dependent")
        self.assertIn("CIM_HostedService", [r.classname for r in by_role])
        self.assertEqual(self.call("ReferenceNames", "CIM_Service", Role="NoSuchRole"), [])

    def test_associators_and_references_of_a_class_are_classes(self):
        associated = self.call("Associators", "CIM_Service", AssocClass="CIM_HostedService", IncludeQualifiers=True)
        self.assertEqual(len(associated), 1)
        path, cls = associated[0]
        self.assertIsInstance(cls, pywbem.CIMClass)
        self.assertEqual((path.classname, cls.classname), ("CIM_System", "CIM_System"))
        references = self.call("References", "CIM_Service", ResultClass="CIM_HostedService")
        self.assertEqual([cls.classname for _, cls in references], ["CIM_HostedService"])
        self.assertIn("Antecedent", references[0][1].properties)

    def test_errors_of_class_level_traversal(self):
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "AssociatorNames", "No_Such_Class")
        self.expect_error(pywbem.CIM_ERR_INVALID_PARAMETER, "ReferenceNames", "CIM_Service", ResultClass="No_Such")


class SchemaChanges(ClientTest):
    """Qualifier and class writes, and CreateInstance/DeleteInstance into the static store."""

    def test_set_get_and_delete_a_qualifier_declaration(self):
        decl = pywbem.CIMQualifierDeclaration("WMIMock_PywbemMarker", "string", value="first",
                                              scopes={"CLASS": True, "PROPERTY": True}, tosubclass=True)
        self.call("SetQualifier", decl)
        got = self.call("GetQualifier", "WMIMock_PywbemMarker")
        self.assertEqual((got.type, got.value, got.scopes.get("PROPERTY")), ("string", "first", True))
        decl.value = "second"
        self.call("SetQualifier", decl)
        self.assertEqual(self.call("GetQualifier", "WMIMock_PywbemMarker").value, "second")
        self.call("DeleteQualifier", "WMIMock_PywbemMarker")
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetQualifier", "WMIMock_PywbemMarker")
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "DeleteQualifier", "WMIMock_PywbemMarker")

    def test_create_modify_and_delete_a_class_with_instances(self):
        key = {"Key": pywbem.CIMQualifier("Key", True)}
        cls = pywbem.CIMClass("WMIMock_PywbemThing", properties=[
            pywbem.CIMProperty("Id", None, type="string", qualifiers=key),
            pywbem.CIMProperty("Size", None, type="uint32")])
        self.call("CreateClass", cls)
        self.expect_error(pywbem.CIM_ERR_ALREADY_EXISTS, "CreateClass", cls)
        self.assertIn("Size", self.call("GetClass", "WMIMock_PywbemThing").properties)

        cls.properties["Color"] = pywbem.CIMProperty("Color", None, type="string")
        self.call("ModifyClass", cls)
        self.assertIn("Color", self.call("GetClass", "WMIMock_PywbemThing").properties)

        instance = pywbem.CIMInstance("WMIMock_PywbemThing", properties={
            "Id": "one", "Size": pywbem.Uint32(3), "Color": "red"})
        path = self.call("CreateInstance", instance)
        self.assertEqual(path.keybindings["Id"], "one")
        self.assertEqual(self.call("GetInstance", path)["Color"], "red")
        self.expect_error(pywbem.CIM_ERR_CLASS_HAS_INSTANCES, "DeleteClass", "WMIMock_PywbemThing")
        self.expect_error(pywbem.CIM_ERR_CLASS_HAS_INSTANCES, "ModifyClass", cls)
        self.call("DeleteInstance", path)
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetInstance", path)

        self.call("DeleteClass", "WMIMock_PywbemThing")
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetClass", "WMIMock_PywbemThing")
        self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "DeleteClass", "WMIMock_PywbemThing")

    def test_schema_errors(self):
        self.expect_error(pywbem.CIM_ERR_INVALID_SUPERCLASS, "CreateClass",
                          pywbem.CIMClass("WMIMock_PywbemOrphan", superclass="No_Such_Parent"))
        self.expect_error(pywbem.CIM_ERR_CLASS_HAS_CHILDREN, "DeleteClass", "CIM_Service")
        self.expect_error(pywbem.CIM_ERR_INVALID_NAMESPACE, "CreateClass",
                          pywbem.CIMClass("WMIMock_PywbemElsewhere"), namespace="root/no_such_namespace")

    def test_a_new_class_obeys_the_rules_of_inheritance(self):
        # CIM_Service.Name is a key, and Key is DisableOverride: a subclass cannot unkey it.
        unkeyed = pywbem.CIMClass("WMIMock_PywbemUnkeyed", superclass="CIM_Service", properties=[
            pywbem.CIMProperty("Name", None, type="string", qualifiers={
                "Key": pywbem.CIMQualifier("Key", False),
                "Override": pywbem.CIMQualifier("Override", "Name", tosubclass=False)})])
        self.expect_error(pywbem.CIM_ERR_INVALID_PARAMETER, "CreateClass", unkeyed)
        dangling = pywbem.CIMClass("WMIMock_PywbemDangling", superclass="CIM_Service", properties=[
            pywbem.CIMProperty("Extra", None, type="string", qualifiers={
                "Override": pywbem.CIMQualifier("Override", "NoSuchProperty", tosubclass=False)})])
        self.expect_error(pywbem.CIM_ERR_INVALID_PARAMETER, "CreateClass", dangling)
        for refused in ("WMIMock_PywbemUnkeyed", "WMIMock_PywbemDangling"):
            self.expect_error(pywbem.CIM_ERR_NOT_FOUND, "GetClass", refused)

        # Override("StartMode") replaces the inherited property under a new name.
        renamed = pywbem.CIMClass("WMIMock_PywbemRenamed", superclass="CIM_Service", properties=[
            pywbem.CIMProperty("LaunchMode", None, type="string", qualifiers={
                "Override": pywbem.CIMQualifier("Override", "StartMode", tosubclass=False)})])
        self.call("CreateClass", renamed)
        got = self.call("GetClass", "WMIMock_PywbemRenamed", LocalOnly=False)
        self.assertIn("LaunchMode", got.properties)
        self.assertNotIn("StartMode", got.properties)
        self.call("DeleteClass", "WMIMock_PywbemRenamed")


class Pull(ClientTest):
    """DSP0200 1.3 pull operations, one instance per response so every step is exercised."""

    def pull_all(self, open_operation, pull_operation, *args, **kwargs):
        result = self.call(open_operation, *args, MaxObjectCount=1, **kwargs)
        items = list(result.instances if hasattr(result, "instances") else result.paths)
        steps = 1
        while not result.eos:
            result = self.call(pull_operation, result.context, MaxObjectCount=1)
            items += list(result.instances if hasattr(result, "instances") else result.paths)
            steps += 1
        return items, steps

    def test_open_enumerate_instances_and_paths(self):
        expected = {p.keybindings["Name"] for p in self.services()}
        instances, steps = self.pull_all("OpenEnumerateInstances", "PullInstancesWithPath", "CIM_Service")
        self.assertEqual({i.path.keybindings["Name"] for i in instances}, expected)
        self.assertEqual(steps, len(expected), "MaxObjectCount=1 yields one instance per response")
        paths, _ = self.pull_all("OpenEnumerateInstancePaths", "PullInstancePaths", "CIM_Service")
        self.assertEqual({p.keybindings["Name"] for p in paths}, expected)

    def test_open_associators_references_and_query(self):
        path = self.services()[0]
        systems, _ = self.pull_all("OpenAssociatorInstances", "PullInstancesWithPath", path,
                                   AssocClass="CIM_HostedService")
        self.assertEqual([s.classname for s in systems], ["WMIMock_ComputerSystem"])
        names, _ = self.pull_all("OpenAssociatorInstancePaths", "PullInstancePaths", path,
                                 AssocClass="CIM_HostedService")
        self.assertEqual([n.classname for n in names], ["WMIMock_ComputerSystem"])
        refs, _ = self.pull_all("OpenReferenceInstances", "PullInstancesWithPath", path, ResultClass="CIM_HostedService")
        self.assertEqual([r.classname for r in refs], ["CIM_HostedService"])
        ref_paths, _ = self.pull_all("OpenReferenceInstancePaths", "PullInstancePaths", path)
        self.assertEqual(len(ref_paths), len(self.call("ReferenceNames", path)))
        rows = self.call("OpenQueryInstances", "WQL", "SELECT * FROM CIM_Service", MaxObjectCount=100)
        self.assertTrue(rows.eos)
        self.assertEqual(len(rows.instances), 4)

    def test_iter_operations_use_pull(self):
        # With use_pull_operations=True pywbem does not fall back: a server without pull fails here.
        conn = pywbem.WBEMConnection(SERVER.url, None, default_namespace=SERVER.namespace, timeout=20,
                                     use_pull_operations=True)
        try:
            self.assertEqual(len(list(conn.IterEnumerateInstances("CIM_Service", MaxObjectCount=1))), 4)
            self.assertEqual(len(list(conn.IterEnumerateInstancePaths("CIM_Service", MaxObjectCount=2))), 4)
            path = conn.EnumerateInstanceNames("CIM_Service")[0]
            self.assertEqual(len(list(conn.IterReferenceInstancePaths(path, MaxObjectCount=1))),
                             len(conn.ReferenceNames(path)))
            self.assertEqual(len(list(conn.IterQueryInstances("WQL", "SELECT * FROM CIM_Service",
                                                              MaxObjectCount=1).generator)), 4)
        finally:
            conn.close()

    def test_close_and_bad_contexts(self):
        opened = self.call("OpenEnumerateInstances", "CIM_Service", MaxObjectCount=1)
        self.assertFalse(opened.eos)
        self.call("CloseEnumeration", opened.context)
        self.expect_error(pywbem.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "PullInstancesWithPath", opened.context,
                          MaxObjectCount=1)
        self.expect_error(pywbem.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "PullInstancesWithPath",
                          ("not-a-context", SERVER.namespace), MaxObjectCount=1)
        paths = self.call("OpenEnumerateInstancePaths", "CIM_Service", MaxObjectCount=0)
        self.expect_error(pywbem.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "PullInstancesWithPath", paths.context,
                          MaxObjectCount=1)  # opened for paths
        self.expect_error(pywbem.CIM_ERR_INVALID_OPERATION_TIMEOUT, "OpenEnumerateInstances", "CIM_Service",
                          OperationTimeout=100000)
        self.expect_error(pywbem.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED, "OpenEnumerateInstances", "CIM_Service",
                          FilterQueryLanguage="DMTF:FQL", FilterQuery="Name = 'Alpha'")

    def test_an_idle_enumeration_expires(self):
        opened = self.call("OpenEnumerateInstances", "CIM_Service", MaxObjectCount=0, OperationTimeout=1)
        time.sleep(1.5)
        self.expect_error(pywbem.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "PullInstancesWithPath", opened.context,
                          MaxObjectCount=1)


class Discovery(ClientTest):
    """pywbem.WBEMServer reads root/interop as DSP1033 describes it."""

    def test_namespaces_brand_version_and_profiles(self):
        server = pywbem.WBEMServer(self.conn)
        self.assertEqual(server.interop_ns, "root/interop")
        self.assertIn("root/cimv2", server.namespaces)
        self.assertIn("root/interop", server.namespaces)
        self.assertEqual(server.brand, "wmimock")
        self.assertRegex(server.version, r"^\d+\.\d+\.\d+")
        registered = [(p["RegisteredOrganization"], p["RegisteredName"], p["RegisteredVersion"]) for p in server.profiles]
        self.assertEqual(registered, [(2, "Profile Registration", "1.0.0")])
        organizations = pywbem.ValueMapping.for_property(server, server.interop_ns, "CIM_RegisteredProfile",
                                                         "RegisteredOrganization")
        self.assertEqual(organizations.tovalues(2), "DMTF")
        managers = server.get_central_instances(server.get_selected_profiles("DMTF", "Profile Registration")[0].path,
                                                central_class="CIM_ObjectManager")
        self.assertEqual([m.classname for m in managers], ["CIM_ObjectManager"])

    def test_hyperv_advertises_its_virtualization_profiles(self):
        hyperv = Server("builtin:hyperv", SCRATCH)
        conn = pywbem.WBEMConnection(hyperv.url, None, default_namespace=hyperv.namespace, timeout=20)
        try:
            server = pywbem.WBEMServer(conn)
            self.assertIn("root/virtualization/v2", server.namespaces)
            names = sorted(p["RegisteredName"] for p in server.profiles)
            self.assertEqual(names, ["Profile Registration", "System Virtualization", "Virtual System"])
        finally:
            conn.close()
            hyperv.stop()


class DtdValidity(ClientTest):
    """A broad sample of replies (classes, instances, paths, methods, associations, queries,
    errors), each validated against both DTDs."""

    def sample(self):
        path = self.services()[0]
        missing = path.copy()
        missing.keybindings["Name"] = "NoSuchService"
        calls = [
            ("EnumerateClasses", (), {"DeepInheritance": True, "IncludeQualifiers": True, "IncludeClassOrigin": True}),
            ("EnumerateClassNames", (), {"DeepInheritance": True}),
            ("GetClass", ("__SystemSecurity",), {"LocalOnly": False}),
            ("GetClass", ("CIM_Service",), {"LocalOnly": False, "IncludeClassOrigin": True}),
            ("EnumerateInstances", ("CIM_Service",), {"IncludeClassOrigin": True}),
            ("EnumerateInstanceNames", ("CIM_Service",), {}),
            ("GetInstance", (path,), {}),
            ("InvokeMethod", ("StopService", path), {}),
            ("InvokeMethod", ("RequestStateChange", path), {"RequestedState": pywbem.Uint16(2)}),
            ("Associators", (path,), {}),
            ("AssociatorNames", (path,), {}),
            ("References", (path,), {}),
            ("ReferenceNames", (path,), {}),
            ("Associators", ("CIM_Service",), {"IncludeQualifiers": True}),
            ("AssociatorNames", ("CIM_Service",), {}),
            ("References", ("CIM_Service",), {}),
            ("ReferenceNames", ("CIM_Service",), {}),
            ("ExecQuery", ("WQL", "SELECT * FROM CIM_Service"), {}),
            ("SetQualifier", (pywbem.CIMQualifierDeclaration("WMIMock_DtdMarker", "uint32", value=pywbem.Uint32(1),
                                                             scopes={"ANY": True}),), {}),
            ("DeleteQualifier", ("WMIMock_DtdMarker",), {}),
            ("CreateClass", (pywbem.CIMClass("WMIMock_DtdThing", superclass="CIM_Service"),), {}),
            ("DeleteClass", ("WMIMock_DtdThing",), {}),
            ("DeleteClass", ("CIM_Service",), {}),
            ("EnumerateQualifiers", (), {}),
            ("GetQualifier", ("ValueMap",), {}),
            ("GetInstance", (missing,), {}),
            ("GetClass", ("No_Such_Class",), {}),
            ("InvokeMethod", ("NoSuchMethod", path), {}),
        ]
        for operation, args, kwargs in calls:
            try:
                self.call(operation, *args, **kwargs)
            except pywbem.CIMError:
                pass  # error replies are validated too

    def pull_sample(self):
        path = self.services()[0]
        opened = self.call("OpenEnumerateInstances", "CIM_Service", MaxObjectCount=1)
        self.call("PullInstancesWithPath", opened.context, MaxObjectCount=1)
        self.call("CloseEnumeration", opened.context)
        paths = self.call("OpenEnumerateInstancePaths", "CIM_Service", MaxObjectCount=1)
        self.call("PullInstancePaths", paths.context, MaxObjectCount=10)
        self.call("OpenAssociatorInstances", path, MaxObjectCount=10)
        self.call("OpenReferenceInstancePaths", path, MaxObjectCount=10)
        query = self.call("OpenQueryInstances", "WQL", "SELECT * FROM CIM_Service", MaxObjectCount=1)
        self.call("PullInstances", query.context, MaxObjectCount=10)
        try:
            self.call("PullInstances", query.context, MaxObjectCount=1)
        except pywbem.CIMError:
            pass

    def validate(self, label, dtds, minimum):
        if not shutil.which("xmllint"):
            self.skipTest("xmllint is not installed (libxml2-utils: scripts/setup.sh)")
        folder = os.path.join(SCRATCH, "replies-" + label)
        os.makedirs(folder, exist_ok=True)
        files = []
        for index, (operation, reply) in enumerate(REPLIES):
            name = os.path.join(folder, f"{index:03d}-{operation}.xml")
            with open(name, "wb") as f:
                f.write(reply)
            files.append(name)
        self.assertGreaterEqual(len(files), minimum)
        for dtd in dtds:
            result = subprocess.run(["xmllint", "--noout", "--dtdvalid", os.path.join(DTD_DIR, dtd)] + files,
                                    capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, f"{dtd}:\n{result.stderr[:4000]}")

    def test_replies_are_valid_against_both_dtds(self):
        REPLIES.clear()
        self.sample()
        self.validate("classic", DTDS, 19)

    def test_pull_replies_are_valid_against_the_2_4_dtd(self):
        # The pull operations came with DSP0201 2.4: VALUE.INSTANCEWITHPATH and INSTANCEPATH
        # in IRETURNVALUE do not exist in the 2.3.1 DTD, so these replies answer to 2.4 only.
        REPLIES.clear()
        self.pull_sample()
        self.validate("pull", DTDS[1:], 10)


if __name__ == "__main__":
    unittest.main(verbosity=2)

// formatClassMof: a resolved class as MOF text, for `wmimock mof show` and for people
// reading what the compiler made of a class (inherited elements marked with their origin).
#include <string>

#include "wmimock/mof/compiler.hpp"

namespace wmimock {

namespace {

void appendQualifiers(const QualifierList& qualifiers, const std::string& indent, std::string& out) {
    if (qualifiers.empty()) return;
    out += indent;
    out += '[';
    bool first = true;
    for (const Qualifier& q : qualifiers) {
        if (!first) out += ",\n" + indent + ' ';
        first = false;
        out += q.name;
        const bool bareFlag =
            q.value.type() == CimType::Boolean && !q.value.isArray() && !q.value.isNull() && q.value.asBool();
        if (!bareFlag && !q.value.isNull()) {
            if (q.value.isArray()) {
                out += q.value.toMof();
            } else {
                out += '(';
                out += q.value.toMof();
                out += ')';
            }
        }
    }
    out += "]\n";
}

std::string typeText(CimType type, const std::string& referenceClass) {
    if (type == CimType::Reference) return referenceClass + " REF";
    std::string s(toString(type));
    if (type == CimType::Object && !referenceClass.empty()) s += ":" + referenceClass;
    return s;
}

std::string arraySuffix(bool isArray, const std::optional<std::uint32_t>& size) {
    if (!isArray) return {};
    std::string suffix = "[";
    if (size) suffix += std::to_string(*size);  // built with += : GCC 12 misreports "[" + string (-Wrestrict)
    suffix += ']';
    return suffix;
}

}  // namespace

std::string formatClassMof(const CimClass& cls, bool markInherited) {
    std::string out;
    appendQualifiers(cls.qualifiers, "", out);
    out += "class " + cls.name;
    if (!cls.superClass.empty()) out += " : " + cls.superClass;
    out += "\n{\n";
    const std::string indent = "    ";
    bool firstMember = true;
    auto separate = [&] {
        if (!firstMember) out += '\n';
        firstMember = false;
    };
    for (const PropertyDecl& p : cls.properties) {
        separate();
        if (markInherited && p.propagated) out += indent + "// inherited from " + p.classOrigin + "\n";
        appendQualifiers(p.qualifiers, indent, out);
        out += indent + typeText(p.type, p.referenceClass) + " " + p.name + arraySuffix(p.isArray, p.arraySize);
        if (!p.defaultValue.isNull()) out += " = " + p.defaultValue.toMof();
        out += ";\n";
    }
    for (const MethodDecl& m : cls.methods) {
        separate();
        if (markInherited && m.propagated) out += indent + "// inherited from " + m.classOrigin + "\n";
        appendQualifiers(m.qualifiers, indent, out);
        out += indent + (m.returnsVoid ? std::string("void") : typeText(m.returnType, m.returnReferenceClass)) + " " +
               m.name + "(";
        for (std::size_t i = 0; i < m.parameters.size(); ++i) {
            const ParameterDecl& param = m.parameters[i];
            out += "\n";
            appendQualifiers(param.qualifiers, indent + indent, out);
            out += indent + indent + typeText(param.type, param.referenceClass) + " " + param.name +
                   arraySuffix(param.isArray, param.arraySize);
            if (i + 1 < m.parameters.size()) out += ",";
        }
        out += ");\n";
    }
    out += "};\n";
    return out;
}

}  // namespace wmimock

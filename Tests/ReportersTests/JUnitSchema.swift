/// The constraints of the Jenkins xUnit plugin's JUnit schema that Carrier's reports must meet, as our own XSD.
///
/// The plugin (github.com/jenkinsci/xunit-plugin) validates every JUnit file it is given against
/// `src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd` and drops files that fail. That file
/// is not ours to copy, so this schema was written from reading two of its revisions (commits 031e285e… and
/// 0c375225…) and accepts only what *both* accept: an attribute one revision lacks is left out, an attribute either
/// requires is required, a type is the stricter of the two. A report valid here is valid against either revision.
/// Each declaration names the part of junit-10.xsd it stands for. Differences from the original that cannot matter
/// for Carrier's files: only `testsuites` may be the root (junit-10.xsd also takes a lone `testsuite`), and the
/// elements are declared locally, in named types.
enum JUnitSchema {
    static let xsd = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="unqualified">

          <!-- junit-10.xsd, simpleType SUREFIRE_TIME (031e285: the type of testsuite/@time and testsuites/@time;
               0c37522 types both as xs:string, so the stricter one applies). The original pattern lets digits be
               grouped by commas as long as at least three digits follow the last comma, then an optional fraction;
               this pattern is written differently and accepts the same strings (checked exhaustively up to eight
               characters). No sign, no exponent: "-0.001" and "1e-3" are invalid. -->
          <xs:simpleType name="DecimalSeconds">
            <xs:restriction base="xs:string">
              <xs:pattern value="([0-9,]*,[0-9]{3,}|[0-9]*)(\.[0-9]*)?"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- junit-10.xsd, elements failure, error, skipped: text only (mixed, no child elements), optional type
               and message, nothing else. -->
          <xs:complexType name="Outcome" mixed="true">
            <xs:attribute name="message" type="xs:string"/>
            <xs:attribute name="type" type="xs:string"/>
          </xs:complexType>

          <!-- junit-10.xsd, rerunFailure / rerunError. 031e285: a sequence of optional stackTrace, system-out,
               system-err and a required type; 0c37522: any number of system-out / system-err, type optional.
               Both accept: text, then at most one system-out and one system-err in that order, with a type. -->
          <xs:complexType name="Rerun" mixed="true">
            <xs:sequence>
              <xs:element name="system-out" type="xs:string" minOccurs="0"/>
              <xs:element name="system-err" type="xs:string" minOccurs="0"/>
            </xs:sequence>
            <xs:attribute name="message" type="xs:string"/>
            <xs:attribute name="type" type="xs:string" use="required"/>
          </xs:complexType>

          <!-- junit-10.xsd, elements properties and property: a list of property elements, each with a required
               name and a required value (no text content). -->
          <xs:complexType name="PropertyList">
            <xs:sequence minOccurs="0" maxOccurs="unbounded">
              <xs:element name="property">
                <xs:complexType>
                  <xs:attribute name="name" type="xs:string" use="required"/>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
          </xs:complexType>

          <!-- junit-10.xsd, element testcase. Children in any order and number, from: skipped, error, failure,
               rerunFailure, rerunError, system-out, system-err (flakyFailure / flakyError exist in 031e285 only).
               Attributes in both revisions: name (required), classname, time (xs:string), group. 0c37522's
               assertions, timestamp, status, class, file, line, log, url are absent from 031e285. -->
          <xs:complexType name="TestCase">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="skipped" type="Outcome"/>
              <xs:element name="error" type="Outcome"/>
              <xs:element name="failure" type="Outcome"/>
              <xs:element name="rerunFailure" type="Rerun"/>
              <xs:element name="rerunError" type="Rerun"/>
              <xs:element name="system-out" type="xs:string"/>
              <xs:element name="system-err" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string"/>
            <xs:attribute name="time" type="xs:string"/>
            <xs:attribute name="group" type="xs:string"/>
          </xs:complexType>

          <!-- junit-10.xsd, element testsuite. Children in any order and number, from: testsuite, properties,
               testcase, system-out, system-err. Required: tests (both revisions); name, failures, errors
               (031e285). Optional in both: skipped, timestamp, hostname, id, package, file, log, url; time typed
               as SUREFIRE_TIME (031e285). Not in both, so not allowed: group (031e285 only); disabled, skips, skip,
               assertions (0c37522 only). -->
          <xs:complexType name="TestSuite">
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="testsuite" type="TestSuite"/>
              <xs:element name="properties" type="PropertyList"/>
              <xs:element name="testcase" type="TestCase"/>
              <xs:element name="system-out" type="xs:string"/>
              <xs:element name="system-err" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="tests" type="xs:string" use="required"/>
            <xs:attribute name="failures" type="xs:string" use="required"/>
            <xs:attribute name="errors" type="xs:string" use="required"/>
            <xs:attribute name="skipped" type="xs:string"/>
            <xs:attribute name="time" type="DecimalSeconds"/>
            <xs:attribute name="timestamp" type="xs:string"/>
            <xs:attribute name="hostname" type="xs:string"/>
            <xs:attribute name="id" type="xs:string"/>
            <xs:attribute name="package" type="xs:string"/>
            <xs:attribute name="file" type="xs:string"/>
            <xs:attribute name="log" type="xs:string"/>
            <xs:attribute name="url" type="xs:string"/>
          </xs:complexType>

          <!-- junit-10.xsd, element testsuites: only testsuite children (none or more). Attributes, all optional:
               name, time (SUREFIRE_TIME in 031e285), tests, failures, errors. There is no skipped (nor, in
               031e285, disabled): Carrier's old root `skipped` is what made the plugin reject its files. -->
          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="testsuite" type="TestSuite" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="tests" type="xs:string"/>
              <xs:attribute name="failures" type="xs:string"/>
              <xs:attribute name="errors" type="xs:string"/>
              <xs:attribute name="time" type="DecimalSeconds"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """#
}

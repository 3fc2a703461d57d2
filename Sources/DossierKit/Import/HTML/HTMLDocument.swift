import LibXML2

/// A saved web page parsed by libxml2's HTML parser into Dossier's own tree (`HTMLElement`): the
/// only place that calls libxml2.
///
/// The parser is told to recover from broken markup, never to touch the network, never to load a
/// DTD or an external entity (a loader that refuses every one is installed once) and never to print
/// errors. libxml2's tree lives only inside `parse`: it is freed before the function returns, so no
/// C handle outlives the call. Scripts, styles, media and form controls are dropped while the tree
/// is copied, so they never reach the extracted text; JSON-LD scripts are kept apart for metadata.
/// See <https://gnome.pages.gitlab.gnome.org/libxml2/html/libxml-HTMLparser.html>.
public enum HTMLDocument {
    /// Elements deeper than this make the page refused: no real page comes close, and a page that
    /// does is built to exhaust whoever walks it.
    public static let maximumDepth = 512
    /// libxml2's own nesting limit without `XML_PARSE_HUGE` (`xmlParserMaxDepth`).
    static let libxml2Depth = 256
    /// Start tags above this number make the page refused before libxml2 builds anything: each costs
    /// libxml2 about 150 bytes of tree, so this bounds its memory whatever the file size.
    public static let maximumTags = 400_000

    public struct Parsed {
        public let root: HTMLElement
        /// The content of every `<script type="application/ld+json">`.
        public let jsonLD: [String]
        /// The character encoding the bytes were read in.
        public let encoding: String
    }

    public struct Refusal: Error, Equatable {
        public let reason: String
    }

    private static let initialized: Bool = {
        dossier_xml_initialize()
        return true
    }()

    /// Parses `bytes`; `declaredEncoding` (an IANA name) wins over what the page declares.
    public static func parse(_ bytes: [UInt8], declaredEncoding: String? = nil) throws(Refusal) -> Parsed {
        _ = initialized
        dossier_xml_silence_thread()
        let tags = startTagCount(bytes)
        if tags > maximumTags {
            throw Refusal(reason: "has more than \(maximumTags.formatted()) HTML tags; Dossier refuses pages this large")
        }
        var encoding = declaredEncoding ?? HTMLCharset.encoding(of: bytes)
        // A charset libxml2 does not know would be read as ISO-8859-1 without a word: read the page
        // as if it declared none.
        if !isKnown(encoding) { encoding = HTMLCharset.encoding(of: bytes, ignoringDeclaration: true) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_COMPACT.rawValue
                | HTML_PARSE_IGNORE_ENC.rawValue)
        guard let context = htmlNewParserCtxt() else { throw Refusal(reason: "could not be read: out of memory") }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
            }
        }
        guard let document else { throw Refusal(reason: "could not be read as HTML (in \(encoding))") }
        defer { xmlFreeDoc(document) }
        // In recovery mode libxml2 stops at its nesting limit and returns what it has: a page cut short.
        if let error = xmlCtxtGetLastError(context), let message = error.pointee.message,
            String(cString: message).contains("Excessive depth")
        {
            throw Refusal(
                reason: "nests HTML elements deeper than libxml2's limit of \(libxml2Depth); Dossier refuses such pages")
        }
        guard let top = xmlDocGetRootElement(document) else { throw Refusal(reason: "holds no HTML elements") }
        var jsonLD: [String] = []
        let root = try copy(top, jsonLD: &jsonLD)
        return Parsed(root: root, jsonLD: jsonLD, encoding: encoding.lowercased())
    }

    private static func isKnown(_ encoding: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// How many `<` are followed by a letter: an upper bound on the elements libxml2 would create.
    static func startTagCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count > 1 else { return }
            for index in 0..<(buffer.count - 1) where buffer[index] == 0x3C {
                let next = buffer[index + 1] | 0x20
                if next >= 0x61 && next <= 0x7A { count += 1 }
            }
        }
        return count
    }

    /// Copies libxml2's tree into `HTMLElement`s without recursion, so depth costs no stack.
    private static func copy(_ top: xmlNodePtr, jsonLD: inout [String]) throws(Refusal) -> HTMLElement {
        let root = HTMLElement(name: name(of: top), attributes: attributes(of: top))
        var stack: [(node: xmlNodePtr?, element: HTMLElement)] = [(top.pointee.children, root)]
        while let last = stack.last {
            guard let node = last.node else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].node = node.pointee.next
            let parent = last.element
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    parent.children.append(.text(String(cString: content)))
                }
            case XML_ELEMENT_NODE:
                let tagName = name(of: node)
                let tag = HTMLTag(name: tagName)
                if tag == .script {
                    if let type = attribute("type", of: node), type.lowercased().contains("ld+json") {
                        jsonLD.append(textContent(of: node))
                    }
                    continue
                }
                if tag.isDropped { continue }
                let element = HTMLElement(name: tagName, tag: tag, attributes: attributes(of: node))
                if element.isHidden { continue }
                parent.children.append(.element(element))
                guard stack.count < maximumDepth else {
                    throw Refusal(reason: "nests HTML elements deeper than \(maximumDepth); Dossier refuses such pages")
                }
                stack.append((node.pointee.children, element))
            default:
                continue
            }
        }
        return root
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The attributes Dossier reads: the rest (event handlers, inline styles but for hiding) are not copied.
    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            let name = String(cString: rawName).lowercased()
            guard HTMLElement.keptAttributes.contains(name) else { continue }
            var value = ""
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes[name] = value
        }
        return attributes
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { dossier_xml_free(value) }
        return String(cString: value)
    }

    private static func textContent(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { dossier_xml_free(content) }
        return String(cString: content)
    }
}

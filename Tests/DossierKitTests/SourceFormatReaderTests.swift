import Foundation
import Testing

@testable import DossierKit

@Suite("Readers of web pages, e-mails and PDF text")
struct SourceFormatReaderTests {
    @Test(
        "RFC 2047 encoded words: B and Q, charsets, whitespace between two words dropped, unknown charsets left",
        arguments: [
            ("=?UTF-8?B?T3DDqXJhdGlvbg==?= Lantern", "Opération Lantern"),
            ("=?iso-8859-1?Q?Op=E9ration_Lantern?=", "Opération Lantern"),
            ("=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab"),
            ("=?UTF-8?Q?a?=\r\n =?UTF-8?Q?_b?=", "a b"),
            ("Re: =?windows-1252?Q?=93Lantern=94?= report", "Re: “Lantern” report"),
            ("=?koi8-r?B?8NLJ18XU?=", "=?koi8-r?B?8NLJ18XU?="),
            ("plain = text ?= here", "plain = text ?= here"),
        ])
    func encodedWords(raw: String, decoded: String) {
        #expect(EncodedWords.decode(raw) == decoded)
    }

    @Test("quoted-printable: soft line breaks joined, =XX decoded, a stray = kept")
    func quotedPrintable() {
        let decoded = QuotedPrintable.decode(Array("Op=C3=A9ration Lan=\r\ntern, 100 =3D cent =\nfois = fin".utf8)[...])
        #expect(String(decoding: decoded, as: UTF8.self) == "Opération Lantern, 100 = cent fois = fin")
    }

    @Test("headers unfold, and a nested multipart's parts are found with their charsets and names")
    func mimeTree() throws {
        let text = """
            Subject: A long
             subject\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            --outer\r
            Content-Type: multipart/alternative; boundary=inner\r
            \r
            --inner\r
            Content-Type: text/plain; charset=iso-8859-1\r
            Content-Transfer-Encoding: base64\r
            \r
            UHJvY+hz\r
            --inner--\r
            --outer\r
            Content-Type: image/png; name="photo.png"\r
            \r
            PNGDATA\r
            --outer--\r
            """
        let message = try MIMEMessage(Array(text.utf8))
        #expect(message.root.header("subject") == "A long subject")
        #expect(message.leaves.count == 2)
        #expect(Charsets.decode(message.leaves[0].content, charset: "iso-8859-1") == "Procès")
        #expect(message.leaves[1].fileName == "photo.png" && message.leaves[1].isAttachment)
        #expect(String(decoding: message.leaves[1].content, as: UTF8.self) == "PNGDATA")
    }

    @Test("forwarded blocks of Gmail, Outlook and Apple Mail in French are found and taken out")
    func forwardedBlocks() throws {
        let gmail = ForwardedBlock.find(
            in: "FYI\n\n---------- Forwarded message ---------\nFrom: Europol <press@europol.europa.eu>\n"
                + "Date: Wed, 12 Mar 2025 at 10:02\nSubject: Lantern\nTo: <a@b.eu>\n\n\nThe release.")
        #expect(gmail?.bodyWithoutBlock == "FYI\n\nThe release.")
        #expect(gmail?.fields["subject"] == "Lantern")
        let outlook = ForwardedBlock.find(
            in: "-----Original Message-----\nFrom: Press <p@x.eu>\nSent: 12 March 2025 10:00\nTo: me\nSubject: Title\n\nText.")
        #expect(outlook?.bodyWithoutBlock == "Text.")
        #expect(outlook?.fields["date"].flatMap(MailDate.isoDate) == "2025-03-12")
        let apple = ForwardedBlock.find(
            in: "Début du message réexpédié :\n\nDe: Europol <p@x.eu>\nObjet: Opération Lantern\n"
                + "Date: 12 mars 2025 à 10:02:11 UTC+1\nÀ: moi\n\nLe communiqué.")
        #expect(apple?.bodyWithoutBlock == "Le communiqué.")
        #expect(apple?.fields["subject"] == "Opération Lantern")
        #expect(apple?.fields["date"].flatMap(MailDate.isoDate) == "2025-03-12")
        #expect(ForwardedBlock.find(in: "No forward here.\nFrom: the text itself") == nil)
    }

    @Test(
        "mail dates in the forms mail programs write them",
        arguments: [
            ("Wed, 12 Mar 2025 10:00:00 +0100", "2025-03-12"), ("Wednesday, March 12, 2025 10:00 AM", "2025-03-12"),
            ("mercredi 12 mars 2025 10:00", "2025-03-12"), ("2025-03-12T09:00:00Z", "2025-03-12"),
            ("12 décembre 2024", "2024-12-12"), ("no date here", nil),
        ])
    func mailDates(text: String, iso: String?) {
        #expect(MailDate.isoDate(text) == iso)
    }

    @Test("format=flowed text: soft breaks joined, space-stuffing removed")
    func flowed() {
        #expect(
            EmailReader.plainText("Europol has \r\n identified 36 \r\nsuspects.\r\n\r\nEnd.\r\n", flowed: true)
                == "Europol has identified 36 suspects.\n\nEnd.")
    }

    @Test("a page's declared charset is found in its head; ISO-8859-1 is read as windows-1252, as browsers do")
    func charsets() {
        #expect(HTMLCharset.encoding(of: Array("<meta charset=\"ISO-8859-1\">é".utf8)) == "windows-1252")
        #expect(
            HTMLCharset.encoding(of: Array("<meta http-equiv=Content-Type content='text/html; charset=utf-8'>".utf8)) == "UTF-8")
        #expect(HTMLCharset.encoding(of: [0x3C, 0x70, 0x3E, 0xE9]) == "windows-1252")
        #expect(HTMLCharset.encoding(of: Array("<p>é</p>".utf8)) == "UTF-8")
    }

    @Test("a charset libxml2 does not know is ignored, not read as ISO-8859-1 (found by FuzzHTMLReader)")
    func unknownCharset() throws {
        let page = Array(
            "<html><head><meta charset=\"ute-header\"></head><body><h1>Europol’s role</h1><p>Europol’s specialists supported the investigation, which identified 36 suspects.</p></body></html>"
                .utf8)
        let read = try WebPageReader().read(page, file: "page.html")
        #expect(read.metadata.title == "Europol’s role")
        #expect(read.body == "Europol’s specialists supported the investigation, which identified 36 suspects.")
        #expect(read.encoding == "utf-8")
    }

    @Test("site suffixes and prefixes are taken off page titles, but a title is never cut to one word")
    func titles() {
        #expect(
            WebPageMetadata.withoutSiteSuffix("36 suspects identified | Europol", siteName: "Europol") == "36 suspects identified"
        )
        #expect(
            WebPageMetadata.withoutSiteSuffix("Europol - 36 suspects identified", siteName: "Europol") == "36 suspects identified"
        )
        #expect(WebPageMetadata.withoutSiteSuffix("Arrests in Spain - News - Site", siteName: nil) == "Arrests in Spain - News")
        #expect(WebPageMetadata.withoutSiteSuffix("Lantern | Europol", siteName: "Europol") == "Lantern | Europol")
    }

    @Test("PDF text: lines repeating at the edge of every page go, digits aside; a page's own lines stay")
    func runningLines() {
        let body = PDFText.paragraphs(fromPages: [
            "EUROPOL PUBLIC\nFirst page text that is long enough to be a full line of prose here.\nPage 1 of 2\n",
            "EUROPOL PUBLIC\nSecond page text that is long enough to be a full line of prose too.\nPage 2 of 2\n",
        ])
        #expect(!body.contains("EUROPOL PUBLIC") && !body.contains("Page "))
        #expect(body.contains("First page text") && body.contains("Second page text"))
    }

    @Test("PDF lines: a word hyphenated at a line end is made whole only when the line goes on in lower case")
    func hyphenation() {
        #expect(PDFText.joinLines(["the investi-", "gation"]) == "the investigation")
        #expect(PDFText.joinLines(["the EU-", "Canada agreement"]) == "the EU- Canada agreement")
        #expect(PDFText.joinLines(["from 3 to", "7 March"]) == "from 3 to 7 March")
    }
}

import JSONValue
import Testing
@testable import JSCSandbox

/// The sandbox replaces chai's language-chain getters (`to`, `be`, `have`, ...) with a cheaper construction of the
/// same Assertion. Each expectation below runs with ours and with chai's own getters (kept by the bootstrap), and
/// the outcomes must match: pass, or the error's name, message, actual, expected and showDiff.
@Suite("chai language chains: the sandbox's getters against chai's own")
struct ChaiLanguageChainTests {
    static let corpus = #"""
        const body = { id: 7, name: 'Ada', tags: ['a', 'b'], nested: { deep: { x: 1 } }, n: 5 };
        return [
            () => pm.expect(1).to.equal(1),
            () => pm.expect(1).to.equal(2),
            () => pm.expect(1, 'custom message').to.be.equal(2),
            () => pm.expect(body).to.be.an('object').that.has.property('id').which.equals(7),
            () => pm.expect(body).to.have.property('id').that.is.a('string'),
            () => pm.expect(body.tags).to.be.an('array').with.lengthOf(3),
            () => pm.expect(body.tags).to.have.members(['b', 'a']).and.not.include('c'),
            () => pm.expect(body).to.have.nested.property('nested.deep.x', 1),
            () => pm.expect(body).to.have.own.property('name').that.does.not.equal('Bob'),
            () => pm.expect(body).to.deep.equal({ id: 7 }),
            () => pm.expect(body.n).to.be.at.least(6),
            () => pm.expect(body.n).to.be.above(1).but.below(3),
            () => pm.expect('abc').to.have.length.of.at.most(2),
            () => pm.expect(null).to.be.null.and.still.not.undefined,
            () => pm.expect(body).to.also.be.ok,
            () => pm.expect(true).to.be.ture,
            () => pm.expect(body).to.have.proprty('id'),
            () => pm.expect(body).to.be.been.is.and.has.have.with.that.which.at.of.same.but.does.still.also.ok,
            () => pm.expect(body).to.not.be.not.ok,
            () => { const chain = pm.expect(5).to; chain.not.equal(6); chain.equal(5); },
            () => { const chain = pm.expect(5).to.be; chain.not; chain.equal(5); },
            // A chain word hands on a copy of the flags: a `not` after it must not reach the assertion before it.
            () => { const base = pm.expect(5); base.to.not.equal(6); base.to.equal(5); },
            () => { const to = pm.expect(5).to; to.be.not.equal(6); to.be.equal(5); },
            () => pm.expect([1, 2]).to.be.same.members([2, 3]),
            () => pm.expect(body).to.have.all.keys('id', 'name'),
            () => pm.expect(body).to.include({ name: 'Ada' }).and.to.have.any.keys('zzz'),
            () => pm.expect(() => { throw new TypeError('boom'); }).to.throw(TypeError, 'bang'),
            () => pm.expect(pm.response).to.have.status(404),
            () => pm.expect(pm.response).to.be.ok.and.to.have.header('Content-Type', 'text/plain'),
            () => pm.response.to.have.status(200).and.to.have.jsonBody('name', 'Ada'),
            () => pm.response.to.not.be.an('array'),
            () => pm.expect({}).to.have.status(200),
            () => pm.expect({ code: 'x' }).to.have.statusCode(200),
        ];
        """#

    @Test("every expectation of the corpus passes or fails alike, with the proxy on and off")
    func sameOutcomes() throws {
        let script = """
            const corpus = (function () { \(ChaiLanguageChainTests.corpus) })();
            const outcome = (f) => { try { f(); return 'pass'; } catch (e) {
                return [e.name, e.message, JSON.stringify(e.actual), JSON.stringify(e.expected), e.showDiff].join(' | '); } };
            const chai = __carrier.chai(), prototype = chai.Assertion.prototype, originals = __carrier.chaiLanguageChains;
            const ours = {};
            for (const name of Object.keys(originals)) ours[name] = Object.getOwnPropertyDescriptor(prototype, name);
            const use = (set) => { for (const name of Object.keys(set)) Object.defineProperty(prototype, name, set[name]); };
            const result = { chains: Object.keys(originals).length };
            for (const proxy of [true, false]) {
                chai.config.useProxy = proxy;
                use(ours); const fast = corpus.map(outcome);
                use(originals); const chaiOwn = corpus.map(outcome);
                use(ours);
                result[proxy ? 'proxy' : 'noProxy'] = { fast, chaiOwn };
            }
            chai.config.useProxy = true;
            console.log(JSON.stringify(result));
            """
        let outcome = Harness().run(script)
        #expect(outcome.error == nil)
        let json = try JSONParser.parse(outcome.console.first?.text ?? "")
        #expect(json["chains"] == 17)
        for mode in ["proxy", "noProxy"] {
            let fast = json[mode]?["fast"]?.arrayValue ?? [], own = json[mode]?["chaiOwn"]?.arrayValue ?? []
            #expect(fast.count == 33)
            #expect(fast == own, "\(mode)")
            // The corpus must exercise failures as well as passes, or the comparison says little.
            #expect(fast.filter { $0 == "pass" }.count >= 8)
            #expect(fast.filter { $0 != "pass" }.count >= 15)
        }
        // With the proxy on, a misspelt chain is an error naming the closest word, as in Newman.
        let typo = json["proxy"]?["fast"]?[15]?.stringValue ?? ""
        #expect(typo.hasPrefix("Error | Invalid Chai property: ture. Did you mean \"true\"?"))
    }
}

import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

/// `require('postman-collection')` behaves as postman-collection 4 (Newman 6.2's SDK): each expectation is the value
/// its source gives for the same call.
@Suite("require('postman-collection')")
struct PostmanCollectionSDKTests {
    @Test("QueryParam.parse: null for a missing value, '' for an empty one, '=' inside values, '+' and {{vars}} as written")
    func queryParamParse() {
        let lines = Harness().log("""
            const sdk = require('postman-collection');
            console.log(JSON.stringify(sdk.QueryParam.parse('a=1&b&c=')));
            console.log(JSON.stringify(sdk.QueryParam.parse('x=a=b&&q={{term}}&p=a+b&')));
            console.log(JSON.stringify(sdk.QueryParam.parseSingle('k=v=w')), JSON.stringify(sdk.QueryParam.parseSingle('flag')), sdk.QueryParam.parse(undefined).length);
            """)
        #expect(lines == [
            #"[{"key":"a","value":"1"},{"key":"b","value":null},{"key":"c","value":""}]"#,
            // An empty piece inside is {null, null}; the last one is a parameter with an empty key.
            #"[{"key":"x","value":"a=b"},{"key":null,"value":null},{"key":"q","value":"{{term}}"},{"key":"p","value":"a+b"},{"key":"","value":null}]"#,
            #"{"key":"k","value":"v=w"} {"key":"flag","value":null} 0"#,
        ])
    }

    @Test("QueryParam.unparse: a null value gives the key alone, disabled ones are left out, & # = inside are encoded")
    func queryParamUnparse() {
        let lines = Harness().log("""
            const { QueryParam } = require('postman-collection');
            console.log(QueryParam.unparse([{ key: 'a', value: '1' }, { key: 'b', value: null }, { key: 'c', value: '' }, { key: 'off', value: '1', disabled: true }]));
            console.log(QueryParam.unparse([{ key: 'k=1', value: 'x&y#z=w' }, { key: '{{a&b}}', value: '{{c#d}}' }, { key: 'p', value: 'a+b' }]));
            console.log(QueryParam.unparse({ a: '1', b: null }), QueryParam.unparseSingle({ key: 'n', value: 5 }), QueryParam.unparseSingle({ key: null, value: 'v' }));
            const param = new QueryParam('name=Ada');
            console.log(param.toString(), param.valueOf(), new QueryParam({ key: 'empty', value: null }).valueOf() === '', new QueryParam('solo').toString());
            """)
        #expect(lines == [
            "a=1&b&c=",
            "k%3D1=x%26y%23z=w&{{a&b}}={{c#d}}&p=a+b",
            // A value that is not a string is not written.
            "a=1&b n =v",
            "name=Ada Ada true solo",
        ])
    }

    @Test("Url.parse: auth, port, hash, :path variables, {{host}} variables and a URL without protocol")
    func urlParse() {
        let lines = Harness().log("""
            const { Url } = require('postman-collection');
            const show = (text) => { const p = Url.parse(text); console.log(JSON.stringify([p.protocol, p.auth, p.host, p.port, p.path, p.query, p.hash, p.variable])); };
            show('https://user:se:cret@api.example.com:8443/v1/users/:id?fields=a,b&flag#section');
            show('http://{{host}}:{{port}}/{{path}}/:org/repos');
            show('{{base.url}}/search?q={{term}}&page=2');
            show('localhost:3000/status');
            show('https://{{user}}:{{p@ss}}@{{host.name}}.com/');
            """)
        #expect(lines == [
            #"["https",{"user":"user","password":"se:cret"},["api","example","com"],"8443",["v1","users",":id"],[{"key":"fields","value":"a,b"},{"key":"flag","value":null}],"section",[{"key":"id"}]]"#,
            #"["http",null,["{{host}}"],"{{port}}",["{{path}}",":org","repos"],null,null,[{"key":"org"}]]"#,
            #"[null,null,["{{base.url}}"],null,["search"],[{"key":"q","value":"{{term}}"},{"key":"page","value":"2"}],null,null]"#,
            #"[null,null,["localhost"],"3000",["status"],null,null,null]"#,
            // Variables holding delimiters stay whole; a trailing slash is a path of one empty segment.
            #"["https",{"user":"{{user}}","password":"{{p@ss}}"},["{{host.name}}","com"],null,[""],null,null,null]"#,
        ])
    }

    @Test("Url: toString(forceProtocol), paths with variables, query string, host, remote, OAuth1 base URL, getRaw")
    func urlMethods() {
        let lines = Harness().log("""
            const { Url } = require('postman-collection');
            const url = new Url('https://api.example.com/v1/users/:id/posts/:id.json?limit=10&flag#top');
            url.variables.upsert({ key: 'id', value: '42' });
            console.log(url.toString(), url.getPath(), url.getPath(true));
            console.log(url.getPathWithQuery(), url.getQueryString(), url.getHost(), url.getRemote(), url.getRemote(true));
            const bare = new Url('api.example.com/items');
            console.log(bare.toString(), bare.toString(true), new Url('HTTPS://Api.Twitter.com:443/2/tweets?x=1').getOAuth1BaseUrl(), new Url('http://H.test:8080/a').getOAuth1BaseUrl());
            try { url.getRaw(); } catch (error) { console.log(error.message); }
            console.log(Url.isUrl(url), Url.isUrl({ host: ['h'] }), Url.isUrl(pm.request.url));
            """)
        #expect(lines == [
            "https://api.example.com/v1/users/42/posts/42.json?limit=10&flag#top /v1/users/42/posts/42.json /v1/users/:id/posts/:id.json",
            "/v1/users/42/posts/42.json?limit=10&flag limit=10&flag api.example.com api.example.com api.example.com:443",
            "api.example.com/items http://api.example.com/items https://api.twitter.com/2/tweets http://h.test:8080/a",
            "`Url#getRaw` has been discontinued, use `Url#toString` instead.",
            "true false true",
        ])
    }

    @Test("Url: addQueryParams from a string or array, removeQueryParams by key, update, '?' of an empty query")
    func urlQueryEditing() {
        let lines = Harness().log("""
            const { Url, QueryParam } = require('postman-collection');
            const url = new Url('http://h.test/a?x=1');
            url.addQueryParams('y=2&z');
            url.addQueryParams([{ key: 'w', value: '4' }, new QueryParam('v=5')]);
            console.log(url.toString(), url.query.count());
            url.removeQueryParams(['y', { key: 'w' }]);
            url.removeQueryParams('z');
            console.log(url.toString());
            url.query.idx(0).disabled = true;
            console.log(url.toString(), url.getQueryString());
            url.update('https://other.test:444/b#h');
            console.log(url.toString(), url.port, url.query.count(), new Url('http://h.test?').toString());
            """)
        #expect(lines == [
            "http://h.test/a?x=1&y=2&z&w=4&v=5 5",
            "http://h.test/a?x=1&v=5",
            "http://h.test/a?v=5 v=5",
            "https://other.test:444/b#h 444 0 http://h.test?",
        ])
    }

    @Test("Header: parse of a multi-line block, parseSingle, unparse, create, toString")
    func header() {
        let lines = Harness().log(#"""
            const { Header } = require('postman-collection');
            console.log(JSON.stringify(Header.parse('Content-Type: application/json\r\nX-Folded: one\r\n two\nAccept:  */* \n')));
            console.log(JSON.stringify(Header.parseSingle('  Accept :  text/html ')), JSON.stringify(Header.parseSingle('NoColon')));
            console.log(JSON.stringify(Header.unparse([{ key: 'A', value: '1' }, { key: 'B', value: '2', disabled: true }, { key: 'C', value: '3' }])));
            console.log(Header.unparseSingle({ key: 'K', value: 'V' }), Header.create('v1', 'Name').toString(), new Header('Name2: v2').valueOf());
            console.log(JSON.stringify(new Header({ key: 'X', value: 'y', disabled: true })), Header.isHeader(new Header('a: b')), Header.isHeader({ key: 'a' }));
            """#)
        #expect(lines == [
            #"[{"key":"Content-Type","value":"application/json"},{"key":"X-Folded","value":"one two"},{"key":"Accept","value":"*/*"}]"#,
            #"{"key":"Accept","value":"text/html"} {"key":"NoColon","value":""}"#,
            #""A: 1\r\nC: 3\r\n""#,
            "K: V Name: v1 v2",
            #"{"key":"X","value":"y","disabled":true} true false"#,
        ])
    }

    @Test("HeaderList (pm.request.headers too): names are case-insensitive, repeated names keep every value")
    func headerList() {
        let lines = Harness().log("""
            const { HeaderList } = require('postman-collection');
            const list = new HeaderList(null, 'Content-Type: application/json\\nX-Trace: a\\nx-trace: b');
            console.log(list.get('content-type'), list.one('X-TRACE').value, list.has('x-trace', 'a'), list.has('X-Trace', 'c'), list.count());
            console.log(JSON.stringify(list.toObject()), JSON.stringify(list.toObject(false, true)));
            list.remove('X-TRACE');
            list.upsert({ key: 'content-TYPE', value: 'text/plain' });
            console.log(JSON.stringify(list.toJSON()), list.contentSize());
            console.log(HeaderList.isHeaderList(pm.request.headers), pm.request.headers.get('CONTENT-TYPE'), JSON.stringify(pm.request.headers.toObject()));
            """, phase: .prerequest)
        #expect(lines == [
            "application/json b true false 3",
            #"{"content-type":"application/json","x-trace":["a","b"]} {"Content-Type":"application/json","X-Trace":"a","x-trace":"b"}"#,
            #"[{"key":"content-TYPE","value":"text/plain"}] 26"#,
            #"true application/json {"content-type":"application/json"}"#,
        ])
    }

    @Test("Variable: string, boolean, number and any types cast on get/set; toString, valueOf, isVariable")
    func variable() {
        let lines = Harness().log("""
            const { Variable } = require('postman-collection');
            const count = new Variable({ key: 'count', value: '12', type: 'number' });
            console.log(count.get() + 1, count.valueOf(), count.toString(), count.cast('3.5'), JSON.stringify(count.toJSON()));
            count.set('oops');
            console.log(Number.isNaN(count.get()), count.valueOf('7'), count.get());
            const flag = new Variable({ key: 'on', value: 'yes', type: 'boolean' });
            console.log(flag.get(), new Variable({ value: '', type: 'boolean' }).get(), new Variable({ value: 10, type: 'string' }).get() === '10');
            console.log(new Variable({ value: { a: 1 } }).get().a, new Variable({ value: null }).toString(), JSON.stringify(new Variable().toString()));
            console.log(Variable.isVariable(count), Variable.isVariable({ key: 'x' }), count.valueType('STRING'), typeof count.get(), count.valueType('bogus'));
            """)
        #expect(lines == [
            #"13 12 12 3.5 {"key":"count","value":12,"type":"number"}"#,
            "true 7 7",
            "true false true",
            #"1 null """#,
            "true false string string string",
        ])
    }

    @Test("VariableScope: get/set/unset/has/toObject/clear/values and replaceIn; results read back through pm.environment")
    func variableScope() {
        let harness = Harness()
        let outcome = harness.run("""
            const { VariableScope, VariableList } = require('postman-collection');
            const scope = new VariableScope({ name: 'env', values: [
                { key: 'host', value: 'api.test' }, { key: 'off', value: 'x', disabled: true },
                { key: 'path', value: '{{ver}}/users' }, { key: 'ver', value: 'v2' }] });
            pm.environment.set('url', scope.replaceIn('https://{{host}}/{{path}}?u={{missing}}'));
            pm.environment.set('hasOff', scope.has('off'));
            scope.set('off', 'now', 'string');
            scope.set('host', 'other.test');
            scope.unset('ver');
            pm.environment.set('object', scope.toObject());
            pm.environment.set('count', scope.values.count());
            pm.environment.set('nested', scope.replaceIn({ a: ['{{host}}', 1], b: { c: '{{off}}' } }));
            pm.environment.set('json', Object.keys(scope.toJSON()).join());
            scope.clear();
            pm.environment.set('cleared', scope.values.count() === 0 && scope.get('host') === undefined);
            const list = new VariableList(null, [{ key: 'x', value: 1 }, { key: 'y', value: 'two' }]);
            pm.environment.set('replaced', list.replace('{{x}}-{{y}}'));
            pm.environment.set('dynamic', /^[0-9]{10}$/.test(list.replace('{{$timestamp}}')));
            """)
        #expect(outcome.error == nil)
        let environment = harness.scopes.environment
        #expect(environment.value("url") == "https://api.test/v2/users?u={{missing}}")
        #expect(environment.value("hasOff") == .bool(false))
        // The disabled `off` stays and a new enabled one is added; `ver` is gone, so {{ver}} stays in `path`.
        #expect(environment.value("object") == ["host": "other.test", "off": "now", "path": "{{ver}}/users"])
        #expect(environment.value("count") == .number(4))
        #expect(environment.value("nested") == ["a": ["other.test", 1], "b": ["c": "now"]])
        #expect(environment.value("json") == "id,name,values")
        #expect(environment.value("cleared") == .bool(true))
        #expect(environment.value("replaced") == "1-two")
        // Dynamic variables come from the runner's generator, as postman-collection's defaults do.
        #expect(environment.value("dynamic") == .bool(true))
    }

    @Test("RequestBody: raw, urlencoded, formdata, file and graphql modes; toString, isEmpty, update")
    func requestBody() {
        let lines = Harness().log("""
            const { RequestBody } = require('postman-collection');
            const urlencoded = new RequestBody({ mode: 'urlencoded', urlencoded: 'a=1&b=2' });
            console.log(urlencoded.toString(), urlencoded.urlencoded.get('b'), urlencoded.isEmpty());
            console.log(JSON.stringify(new RequestBody('text').toString()), new RequestBody({ mode: 'raw' }).isEmpty(), JSON.stringify(new RequestBody({ mode: 'raw' }).raw));
            const form = new RequestBody({ mode: 'formdata', formdata: [{ key: 'f', type: 'file', src: '/tmp/x' }, { key: 'k', value: 'v' }] });
            console.log(JSON.stringify(form.toString()), form.isEmpty(), JSON.stringify(form.toJSON().formdata));
            console.log(new RequestBody({ mode: 'file', file: '/tmp/f' }).file.src, new RequestBody({ mode: 'file', file: {} }).isEmpty(), new RequestBody({ mode: 'urlencoded' }).isEmpty());
            const graphql = new RequestBody({ mode: 'graphql', graphql: { query: '{ me { id } }' } });
            console.log(JSON.stringify(graphql.toString()), graphql.isEmpty());
            graphql.update({ mode: 'raw', raw: '{"a":1}' });
            console.log(graphql.mode, graphql.toString(), graphql.graphql);
            """)
        #expect(lines == [
            "a=1&b=2 2 false",
            #""text" true """#,
            #""" false [{"key":"f","type":"file","src":"/tmp/x"},{"key":"k","value":"v"}]"#,
            "/tmp/f true true",
            #""" false"#,
            #"raw {"a":1} undefined"#,
        ])
    }

    @Test("Request: from a string or an object; getHeaders options, add/remove/upsert header, query, clone, auth")
    func request() {
        let lines = Harness().log("""
            const { Request } = require('postman-collection');
            const simple = new Request('https://api.test/items?q=1');
            console.log(simple.method, simple.url.toString(), simple.headers.count(), Request.isRequest(simple), Request.isRequest({ url: 'x' }));
            const r = new Request({ url: 'http://h.test/x', method: 'post', header: [
                { key: 'Content-Type', value: 'text/plain' }, { key: 'X-A', value: '1', disabled: true }, { key: 'x-a', value: '2' }] });
            console.log(JSON.stringify(r.getHeaders()), JSON.stringify(r.getHeaders({ ignoreCase: true })), JSON.stringify(r.getHeaders({ enabled: true })));
            r.upsertHeader({ key: 'content-type', value: 'application/json' });
            r.upsertHeader({ key: 'Content-Type', value: 'text/html' });
            r.removeHeader('X-A');
            console.log(JSON.stringify(r.headers.toJSON()));
            r.removeHeader('CONTENT-TYPE', { ignoreCase: true });
            r.addHeader({ key: 'Accept', value: '*/*' });
            r.addQueryParams('a=1&b=2');
            r.removeQueryParams('a');
            r.authorizeUsing('bearer', { token: 't0k' });
            const copy = r.clone();
            copy.url.addQueryParams('c=3');
            console.log(JSON.stringify(r.headers.toJSON()), r.url.toString(), copy.url.toString(), copy.method, copy.auth.parameters().get('token'));
            r.authorizeUsing(null);
            console.log(r.auth, JSON.stringify(Object.keys(r.toJSON()).sort()));
            """)
        #expect(lines == [
            "GET https://api.test/items?q=1 0 true false",
            #"{"Content-Type":"text/plain","X-A":"1","x-a":"2"} {"content-type":"text/plain","x-a":["1","2"]} {"Content-Type":"text/plain","x-a":"2"}"#,
            // upsertHeader matches the exact name and sets the value; removeHeader is case-sensitive by default.
            #"[{"key":"Content-Type","value":"text/html"},{"key":"x-a","value":"2"},{"key":"content-type","value":"application/json"}]"#,
            #"[{"key":"x-a","value":"2"},{"key":"Accept","value":"*/*"}] http://h.test/x?b=2 http://h.test/x?b=2&c=3 POST t0k"#,
            #"undefined ["header","method","url"]"#,
        ])
    }

    @Test("Response: isResponse, code, status, headers, text and json")
    func response() {
        let lines = Harness().log("""
            const { Response } = require('postman-collection');
            const made = new Response({ code: 201, header: [{ key: 'Location', value: '/items/9' }], body: '{"id":9}' });
            console.log(Response.isResponse(made), Response.isResponse(pm.response), Response.isResponse({ code: 200 }));
            console.log(made.code, made.reason(), made.headers.get('location'), made.text(), made.json().id);
            """)
        #expect(lines == ["true true false", "201 Created /items/9 {\"id\":9} 9"])
    }

    @Test("Cookie: parse of a Set-Cookie value, toString, valueOf")
    func cookie() {
        let lines = Harness().log("""
            const { Cookie } = require('postman-collection');
            const cookie = new Cookie('sid=a%20b; Path=/; Domain=api.test; Expires=Sun, 04 Feb 2018 14:18:27 GMT; Secure; HttpOnly; Priority=HIGH');
            console.log(cookie.name, cookie.value, cookie.valueOf(), cookie.path, cookie.domain, cookie.secure, cookie.httpOnly, JSON.stringify(cookie.extensions));
            console.log(cookie.toString());
            console.log(new Cookie({ name: 'x', value: 'a b', path: '/p' }).toString(), JSON.stringify(Cookie.parse('k=v')), Cookie.unparse([{ name: 'a', value: '1' }, { name: 'b', value: '2' }]));
            console.log(Cookie.isCookie(cookie), Cookie.isCookie({ name: 'x' }));
            """)
        #expect(lines == [
            #"sid a%20b a b / api.test true true [{"key":"Priority","value":"HIGH"}]"#,
            "sid=a%20b; Expires=Sun, 04 Feb 2018 14:18:27 GMT; Domain=api.test; Path=/; Secure; HttpOnly; Priority=HIGH",
            #"x=a%20b; Path=/p {"key":"k","value":"v","hostOnly":true} a=1; b=2"#,
            "true false",
        ])
    }

    @Test("PropertyList: add, append, prepend, insert, insertAfter, remove, upsert, assimilate, lookups and iteration")
    func propertyList() {
        let lines = Harness().log("""
            const { PropertyList, QueryParam } = require('postman-collection');
            const list = new PropertyList(QueryParam, null, 'a=1&b=2&c=3');
            list.append({ key: 'd', value: '4' });
            list.prepend({ key: 'z', value: '0' });
            list.insert({ key: 'm', value: 'mid' }, 'c');
            list.insertAfter({ key: 'n', value: 'after' }, 'c');
            console.log(list.toString(), list.count(), list.idx(0).key, list.indexOf('c'), list.has('c'), list.has('q'));
            list.insertAfter({ key: 'first', value: '!' }, 'missing');
            list.remove('m');
            list.remove((param) => param.key === 'n');
            console.log(list.toString());
            console.log(list.upsert({ key: 'a', value: '11' }), list.upsert({ key: 'new', value: 'x' }), list.upsert(null), list.toString());
            console.log(JSON.stringify(list.map('key')), list.filter({ key: 'a' }).length, list.find(['key', 'b']).value,
                list.reduce((acc, param) => acc + param.key, ''), list.all().length, list.get('c'), list.one('c').value);
            const seen = [];
            list.each((param) => { seen.push(param.key); return param.key !== 'a'; });
            console.log(seen.join());
            list.assimilate([{ key: 'a', value: 'A' }, { key: 'b', value: 'B' }], true);
            console.log(list.toString());
            list.repopulate('x=1&x=2');
            console.log(JSON.stringify(list.toObject()), list.get('x'));
            list.populate([{ key: 'y', value: '3' }]);
            list.clear();
            console.log(list.count(), PropertyList.isPropertyList(list), PropertyList.isPropertyList([]));
            const owner = { name: 'owner' }, child = new PropertyList(QueryParam, owner, []);
            const parents = []; child.eachParent((parent) => parents.push(parent.name));
            console.log(parents.join());
            """)
        #expect(lines == [
            "z=0&a=1&b=2&m=mid&c=3&n=after&d=4 7 z 4 true false",
            // insertAfter with a reference that is not in the list inserts at the start, as postman-collection does.
            "first=!&z=0&a=1&b=2&c=3&d=4",
            "false true null first=!&z=0&a=11&b=2&c=3&d=4&new=x",
            #"["first","z","a","b","c","d","new"] 1 2 firstzabcdnew 7 3 3"#,
            "first,z,a",
            "a=A&b=B",
            #"{"x":["1","2"]} 2"#,
            "0 true false",
            "owner",
        ])
    }

    @Test("Property and Description: describe, toJSON, findSubstitutions, replaceSubstitutions")
    func propertyAndDescription() {
        let lines = Harness().log("""
            const { Property, PropertyBase, Description, Header } = require('postman-collection');
            const header = new Header({ key: 'A', value: '1' });
            header.describe('About <A>');
            console.log(JSON.stringify(header.toJSON()), header.description.toString(), header instanceof Property, header instanceof PropertyBase);
            const markdown = new Description({ content: '**bold**', type: 'text/markdown' });
            console.log(JSON.stringify(markdown.toJSON()), Description.isDescription(markdown), new Description('a & b').toString());
            console.log(JSON.stringify(Property.findSubstitutions({ url: 'https://{{host}}/{{path1}}-action/', list: ['{{x}}', '{{host}}'] })));
            console.log(Property.replaceSubstitutions('{{a}}-{{b}}-{{c}}', { a: 1 }, { b: 'x', a: 2 }), JSON.stringify(Property.replaceSubstitutionsIn({ u: '{{a}}', n: [2, '{{a}}'] }, [{ a: 'A' }])));
            console.log(JSON.stringify(PropertyBase.toJSON({ a: 1, skip: undefined, s: 'x' })));
            """)
        #expect(lines == [
            #"{"key":"A","value":"1","description":{"content":"About <A>","type":"text/plain"}} About &lt;A&gt; true true"#,
            #"{"content":"**bold**","type":"text/markdown"} true a &amp; b"#,
            #"["host","path1","x"]"#,
            #"1-x-{{c}} {"u":"A","n":[2,"A"]}"#,
            #"{"a":1,"s":"x"}"#,
        ])
    }

    @Test("Collection, ItemGroup and Item from collection JSON: names, ids, lookups, inherited auth, events, toJSON")
    func collectionTree() {
        let lines = Harness().log("""
            const { Collection, Item, ItemGroup, Script, Event } = require('postman-collection');
            const collection = new Collection({
                info: { _postman_id: 'c-1', name: 'Demo', version: '1.2.3' },
                variable: [{ key: 'base', value: 'https://api.test' }],
                auth: { type: 'bearer', bearer: [{ key: 'token', value: 't' }] },
                item: [
                    { name: 'Users', id: 'f-1', item: [{ name: 'Get user', id: 'r-1', request: { url: '{{base}}/users/1' },
                        event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {});'] } }] }] },
                    { name: 'Ping', request: 'https://api.test/ping', response: [{ code: 200, body: 'pong' }] },
                ],
                event: [{ listen: 'test', script: 'console.log(1)\\nconsole.log(2)' }],
            });
            console.log(collection.id, collection.name, collection.version.toString(), collection.items.count(), collection.variables.get('base'));
            const user = collection.oneDeep('Get user'), folder = collection.items.one('f-1');
            console.log(user.id, Item.isItem(user), ItemGroup.isItemGroup(folder), folder.name, user.request.url.toString(), user.getAuth().type);
            console.log(JSON.stringify(user.getPath()), user.events.listeners('test').length, user.getEvents('test')[0].script.toSource());
            const ping = collection.oneDeep('Ping');
            console.log(typeof ping.id, ping.id.length, ping.responses.idx(0).code, ping.responses.idx(0).text(), ping.request.method);
            const names = []; collection.forEachItem((item) => names.push(item.name));
            const json = collection.toJSON();
            console.log(names.join(), JSON.stringify(Object.keys(json)), json.info._postman_id, json.info.name, json.item[0].item[0].id, JSON.stringify(json.event[0].script.exec));
            console.log(Collection.isCollection(collection), Collection.isCollection(folder), new Script('a\\nb').exec.length, new Event({ listen: 'prerequest', script: 'x()' }).script.toSource());
            """)
        #expect(lines == [
            "c-1 Demo 1.2.3 2 https://api.test",
            "r-1 true true Users {{base}}/users/1 bearer",
            // The item's own test event and the collection's, outermost first.
            #"["Demo","Users","Get user"] 2 pm.test("ok", () => {});"#,
            "string 36 200 pong GET",
            #"Get user,Ping ["item","auth","event","variable","info"] c-1 Demo r-1 ["console.log(1)","console.log(2)"]"#,
            "true false 2 x()",
        ])
    }

    @Test("Certificate and ProxyConfig: constructed from JSON, URL matching, proxy URL")
    func certificateAndProxy() {
        let lines = Harness().log("""
            const { Certificate, ProxyConfig } = require('postman-collection');
            const certificate = new Certificate({ name: 'client', matches: ['https://secure.test/*'], key: { src: '/k.pem' }, cert: '/c.pem', passphrase: 'pp' });
            console.log(certificate.name, certificate.canApplyTo('https://secure.test/x'), certificate.canApplyTo('http://secure.test/x'), certificate.cert.src, JSON.stringify(Object.keys(certificate.toJSON())));
            const proxy = new ProxyConfig({ host: 'http://proxy.test', port: 3128, match: 'https://*.example.com/*', bypass: ['https://skip.example.com/*'],
                authenticate: true, username: 'u', password: 'p w' });
            console.log(proxy.host, proxy.port, proxy.test('https://api.example.com/a'), proxy.test('http://api.example.com/a'), proxy.test('https://skip.example.com/x'));
            console.log(proxy.getProxyUrl(), JSON.stringify(proxy.getProtocols()), new ProxyConfig().port, new ProxyConfig().test('http://any.test/'));
            """)
        #expect(lines == [
            #"client true false /c.pem ["id","name","matches","key","cert","passphrase"]"#,
            "proxy.test 3128 true false false",
            #"http://u:p%20w@proxy.test:3128 ["https"] 8080 true"#,
        ])
    }

    @Test("pm.test around the SDK: a true check passes, a false one fails with chai's message")
    func pmTests() {
        let outcome = Harness().run("""
            const sdk = require('postman-collection');
            pm.test('query parsed', () => pm.expect(sdk.QueryParam.parse('x=1&y').map((p) => p.value)).to.eql(['1', null]));
            pm.test('url host', () => pm.expect(new sdk.Url('https://{{host}}/a').getHost()).to.equal('example.com'));
            """)
        #expect(outcome.error == nil)
        #expect(outcome.assertions.map(\.status) == [.passed, .failed])
        #expect(outcome.assertions[1].message == "expected '{{host}}' to equal 'example.com'")
    }

    @Test("a pre-request script's new sdk.Url and added QueryParams change the request that is sent")
    func preRequestMutation() {
        let assigned = Harness().run("""
            const sdk = require('postman-collection');
            pm.request.url = new sdk.Url('https://api.other.test:8443/v2/items/:id?page=3');
            pm.request.url.variables.upsert({ key: 'id', value: '9' });
            """, phase: .prerequest)
        #expect(assigned.error == nil)
        #expect(assigned.request["url"]?["raw"] == "https://api.other.test:8443/v2/items/9?page=3")
        #expect(assigned.request["url"]?["host"] == ["api", "other", "test"])
        #expect(assigned.request["url"]?["port"] == "8443")
        #expect(assigned.request["url"]?["path"] == ["v2", "items", ":id"])
        #expect(assigned.request["url"]?["variable"] == [["key": "id", "value": "9", "type": "any"]])

        let added = Harness().run("""
            const sdk = require('postman-collection');
            pm.request.addQueryParams(sdk.QueryParam.parse('x=1&y=2'));
            pm.request.url.query.remove('limit');
            pm.request.headers.upsert(new sdk.Header('X-Sig: abc'));
            """, phase: .prerequest)
        #expect(added.error == nil)
        #expect(added.request["url"]?["raw"] == "https://api.example.com/v1/users?x=1&y=2")
        #expect(added.request["url"]?["query"] == [["key": "x", "value": "1"], ["key": "y", "value": "2"]])
        #expect(added.request["header"] == [["key": "Content-Type", "value": "application/json"], ["key": "X-Sig", "value": "abc"]])
    }

    @Test("an OAuth 1.0a pre-request script in the Twitter collection's style builds its base string with the SDK")
    func oauthStyleScript() {
        let request: JSONValue = ["url": "https://api.twitter.com/2/tweets/search/recent?query=from:postman&max_results=10", "method": "GET"]
        let harness = Harness()
        let outcome = harness.run("""
            const sdk = require('postman-collection');
            const url = new sdk.Url(pm.request.url.toString());
            const params = sdk.QueryParam.parse(url.getQueryString()).concat([{ key: 'oauth_nonce', value: 'n0' }]);
            params.sort((a, b) => a.key < b.key ? -1 : 1);
            const base = [pm.request.method, encodeURIComponent(url.getOAuth1BaseUrl()), encodeURIComponent(sdk.QueryParam.unparse(params))].join('&');
            pm.environment.set('base', base);
            pm.request.headers.add({ key: 'Authorization', value: 'OAuth oauth_nonce="n0"' });
            """, phase: .prerequest, request: request)
        #expect(outcome.error == nil)
        #expect(harness.scopes.environment.value("base") == .string("GET&https%3A%2F%2Fapi.twitter.com%2F2%2Ftweets%2Fsearch%2Frecent&"
            + "max_results%3D10%26oauth_nonce%3Dn0%26query%3Dfrom%3Apostman"))
        #expect(outcome.request["header"] == [["key": "Authorization", "value": "OAuth oauth_nonce=\"n0\""]])
    }
}

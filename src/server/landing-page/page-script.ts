/**
 * Behaviour of the explorer page, plain browser JavaScript (no template literals, so it can live in
 * this raw string). It reads its settings from the JSON block `#ll-config`, keeps the API key in
 * sessionStorage only, fetches the schema with an introspection query and runs operations over POST.
 */
export const pageScript = String.raw`
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("ll-config").textContent);
  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  var keyInput = $("api-key"), statusLine = $("status"), filter = $("type-filter"), typeList = $("type-list"),
      detail = $("type-detail"), query = $("query"), variables = $("variables"), opName = $("operation-name"),
      result = $("result"), meta = $("result-meta");
  var types = {}, roots = [];
  keyInput.value = sessionStorage.getItem("ledgerline.apiKey") || "";
  query.value = sessionStorage.getItem("ledgerline.query") || config.exampleQuery;
  variables.value = sessionStorage.getItem("ledgerline.variables") || "{}";

  function setStatus(text, bad) { statusLine.textContent = text; statusLine.className = bad ? "bad" : ""; }

  function post(body) {
    var headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
    var key = keyInput.value.trim();
    if (key) headers.authorization = "Bearer " + key;
    var started = performance.now();
    return fetch(config.endpoint, { method: "POST", headers: headers, body: JSON.stringify(body) }).then(function (res) {
      return res.text().then(function (text) {
        var json;
        try { json = JSON.parse(text); } catch (e) { json = { errors: [{ message: "The response was not JSON", body: text.slice(0, 400) }] }; }
        return { status: res.status, json: json, ms: Math.round(performance.now() - started), requestId: res.headers.get("x-request-id") };
      });
    });
  }

  function firstError(json) { return json && json.errors && json.errors.length ? json.errors[0].message : null; }

  function loadSchema() {
    sessionStorage.setItem("ledgerline.apiKey", keyInput.value.trim());
    setStatus("Loading schema…");
    post({ query: config.introspectionQuery }).then(function (res) {
      var problem = firstError(res.json);
      if (problem || !res.json.data) return setStatus("Could not load the schema (HTTP " + res.status + "): " + (problem || "no data"), true);
      var schema = res.json.data.__schema;
      types = {};
      schema.types.forEach(function (t) { types[t.name] = t; });
      roots = [schema.queryType, schema.mutationType, schema.subscriptionType].filter(Boolean).map(function (t) { return t.name; });
      setStatus("Schema loaded: " + schema.types.length + " types.");
      renderTypeList();
      showType(roots[0]);
    }).catch(function (e) { setStatus("Request failed: " + e.message, true); });
  }

  function renderTypeList() {
    var needle = filter.value.trim().toLowerCase();
    var names = Object.keys(types).filter(function (n) { return n.indexOf("__") !== 0 || needle.indexOf("__") === 0; });
    names.sort(function (a, b) {
      var ra = roots.indexOf(a), rb = roots.indexOf(b);
      if (ra !== rb) return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb);
      return a.localeCompare(b);
    });
    typeList.replaceChildren();
    names.filter(function (n) { return n.toLowerCase().indexOf(needle) >= 0; }).forEach(function (name) {
      var li = el("li");
      li.appendChild(typeLink(name));
      li.appendChild(el("span", types[name].kind, "kind"));
      typeList.appendChild(li);
    });
  }

  function typeLink(name) {
    var button = el("button", name, "link");
    button.type = "button";
    button.addEventListener("click", function () { showType(name); });
    return button;
  }

  function typeRef(ref) {
    var span = el("span");
    if (ref.kind === "NON_NULL") { span.appendChild(typeRef(ref.ofType)); span.appendChild(document.createTextNode("!")); }
    else if (ref.kind === "LIST") { span.appendChild(document.createTextNode("[")); span.appendChild(typeRef(ref.ofType)); span.appendChild(document.createTextNode("]")); }
    else span.appendChild(typeLink(ref.name));
    return span;
  }

  function describe(parent, text) { if (text) parent.appendChild(el("div", text, "desc")); }

  function showType(name) {
    var t = types[name];
    detail.replaceChildren();
    if (!t) return;
    var title = el("h2", t.name);
    title.appendChild(el("span", t.kind, "kind"));
    detail.appendChild(title);
    describe(detail, t.description);
    (t.fields || t.inputFields || []).forEach(function (f) {
      var row = el("div", undefined, "field");
      row.appendChild(document.createTextNode(f.name));
      if (f.args && f.args.length) {
        row.appendChild(document.createTextNode("("));
        f.args.forEach(function (a, i) {
          if (i) row.appendChild(document.createTextNode(", "));
          row.appendChild(document.createTextNode(a.name + ": "));
          row.appendChild(typeRef(a.type));
        });
        row.appendChild(document.createTextNode(")"));
      }
      row.appendChild(document.createTextNode(": "));
      row.appendChild(typeRef(f.type));
      describe(row, (f.isDeprecated ? "Deprecated: " + (f.deprecationReason || "") + " " : "") + (f.description || ""));
      detail.appendChild(row);
    });
    (t.enumValues || []).forEach(function (v) {
      var row = el("div", v.name, "field");
      describe(row, v.description);
      detail.appendChild(row);
    });
    if (t.possibleTypes && t.possibleTypes.length) {
      var list = el("div", "Possible types: ", "field");
      t.possibleTypes.forEach(function (p) { list.appendChild(typeLink(p.name)); list.appendChild(document.createTextNode(" ")); });
      detail.appendChild(list);
    }
  }

  function run() {
    var vars;
    try { vars = variables.value.trim() ? JSON.parse(variables.value) : {}; }
    catch (e) { meta.textContent = ""; result.textContent = "Variables are not valid JSON: " + e.message; result.className = "bad"; return; }
    sessionStorage.setItem("ledgerline.query", query.value);
    sessionStorage.setItem("ledgerline.variables", variables.value);
    sessionStorage.setItem("ledgerline.apiKey", keyInput.value.trim());
    var body = { query: query.value, variables: vars };
    if (opName.value.trim()) body.operationName = opName.value.trim();
    meta.textContent = "Running…";
    post(body).then(function (res) {
      meta.textContent = "HTTP " + res.status + " · " + res.ms + " ms" + (res.requestId ? " · request id " + res.requestId : "");
      result.className = res.json.errors ? "bad" : "";
      result.textContent = JSON.stringify(res.json, null, 2);
    }).catch(function (e) { meta.textContent = ""; result.className = "bad"; result.textContent = "Request failed: " + e.message; });
  }

  $("connect").addEventListener("click", loadSchema);
  keyInput.addEventListener("keydown", function (e) { if (e.key === "Enter") loadSchema(); });
  filter.addEventListener("input", renderTypeList);
  $("run").addEventListener("click", run);
  [query, variables, opName].forEach(function (area) {
    area.addEventListener("keydown", function (e) { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
  });
  if (keyInput.value) loadSchema();
})();
`;

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Server.Tests.Portal;

namespace SmartCustoms.Server.Tests.Fuzz;

/// <summary>
/// Garbage in the headers every request carries (Authorization, Content-Type, Accept), a Content-Length that lies,
/// and hostile values in the portal's forms (sign-in, the officer's inspection form) with and without a valid
/// antiforgery token. A form answers HTML, so its check is no 5xx and no trace, and nothing stored unless it was taken.
/// </summary>
public sealed class HeaderAndFormFuzzTests
{
    private const string Declarant = "GB603202734852";

    private static readonly string[] Authorizations =
    [
        "Bearer", "Bearer ", "Bearer  ", "bearer sck_x", "Basic YWRtaW46YWRtaW4=", "Bearer " + new string('k', 300), "Bearer sck_\u00e9\u00ff",
        "Bearer sck_%ED%A0%80", "Bearer a b c", "Negotiate", "Bearer ,", "Bearer sck_test-admin-key-0123456789abcdefghijklmno",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-7", "application/json; charset=\"", "multipart/form-data", "multipart/form-data; boundary=",
        "application/xml", "text/csv", ";;;", "application/x-www-form-urlencoded", "application/jose", "*/*", "application/json;" + new string('a', 5000),
    ];

    private static readonly string[] Accepts = ["application/xml", "text/html", "*/*;q=abc", "application/problem+json;q=0", "image/*", ",,,", "\u00ff"];

    private static readonly (HttpMethod Method, string Url)[] Endpoints =
    [
        (HttpMethod.Post, "/api/declarations"), (HttpMethod.Get, "/api/declarations"), (HttpMethod.Post, "/api/declarations/X/reroute"),
        (HttpMethod.Put, "/api/risk/lanes"), (HttpMethod.Post, "/api/risk/criteria"), (HttpMethod.Put, "/api/tariff"),
        (HttpMethod.Post, "/api/aeo/import"), (HttpMethod.Put, "/api/aeo/GB1"), (HttpMethod.Post, "/api/exchange/partners"),
        (HttpMethod.Post, "/api/exchange/inbox"), (HttpMethod.Post, "/api/exchange/alerts"), (HttpMethod.Post, "/api/keys"),
    ];

    private static readonly Gen<(int Endpoint, int Authorization, int ContentType, int Accept)> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, Endpoints.Length - 1], CsCheck.Gen.Int[-1, Authorizations.Length - 1],
            CsCheck.Gen.Int[-1, ContentTypes.Length - 1], CsCheck.Gen.Int[-1, Accepts.Length - 1]);

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task GarbageHeadersAreAnsweredWithAProblemNeverAFailure(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var client = node.Client(null);
        using var admin = node.Admin();
        var body = Encoding.UTF8.GetBytes(Samples.Import(Declarant).ToJsonString());
        var before = await admin.GetStringAsync("/api/declarations?pageSize=1");
        foreach (var (endpoint, authorization, contentType, accept) in Fuzzing.Cases(Gen, 150))
        {
            var (method, url) = Endpoints[endpoint];
            using var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get)
            {
                request.Content = new FuzzCase("", body, contentType < 0 ? null : ContentTypes[contentType]).Content();
            }

            var name = $"{method} {url} Authorization={(authorization < 0 ? "(admin)" : Authorizations[authorization])} Content-Type={(contentType < 0 ? "(none)" : ContentTypes[contentType])} Accept={(accept < 0 ? "(none)" : Accepts[accept])}";
            request.Headers.TryAddWithoutValidation("Authorization", authorization < 0 ? "Bearer " + TestNode.AdminKey : Authorizations[authorization]);
            if (accept >= 0)
            {
                request.Headers.TryAddWithoutValidation("Accept", Accepts[accept]);
            }

            using var response = await client.SendAsync(request);
            await Fuzzing.AssertHandledAsync(response, name);
            if (authorization >= 0 && (int)response.StatusCode == 401)
            {
                Assert.True(response.Headers.WwwAuthenticate.Count > 0, $"401 without WWW-Authenticate for {name}");
            }
        }

        // The admin cannot lodge (traders do) and every other caller is refused: no declaration came of it.
        Assert.Equal(before, await admin.GetStringAsync("/api/declarations?pageSize=1"));
    }

    [Fact]
    public async Task AContentLengthThatLiesIsAnsweredBelow500OnTheRealServer()
    {
        await using var node = await NodeProcess.StartAsync(Path.Combine(Path.GetTempPath(), "sc-fuzz-" + Guid.NewGuid().ToString("N")));
        const string body = """{ "lane": "red", "reason": "x" }""";
        (string Name, string Request, bool HalfClose)[] cases =
        [
            ("declared longer than sent", Head(body.Length + 100) + body, true),
            ("declared shorter than sent", Head(5) + body, false),
            ("declared negative", Head(-1) + body, false),
            ("declared twice, differently", Head(body.Length).Replace("\r\n\r\n", $"\r\nContent-Length: {body.Length + 1}\r\n\r\n", StringComparison.Ordinal) + body, false),
            ("declared and chunked", Head(body.Length).Replace("\r\n\r\n", "\r\nTransfer-Encoding: chunked\r\n\r\n", StringComparison.Ordinal) + body, false),
            ("bad chunk size", Head(0).Replace("Content-Length: 0", "Transfer-Encoding: chunked", StringComparison.Ordinal) + "zz\r\n" + body + "\r\n0\r\n\r\n", false),
        ];

        foreach (var (name, request, halfClose) in cases)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(node.BaseAddress.Host, node.BaseAddress.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            if (halfClose)
            {
                tcp.Client.Shutdown(SocketShutdown.Send);
            }

            using var reader = new StreamReader(stream, Encoding.ASCII);
            var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            // A client that went away may get no answer at all; one that gets an answer never gets a 5xx.
            if (statusLine is not null)
            {
                var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(status < 500, $"{name}: {statusLine}");
            }
        }

        using var health = node.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health")).StatusCode);

        static string Head(int length) =>
            "POST /api/declarations/26GB0000000000001/reroute HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + $"Authorization: Bearer {NodeProcess.AdminKey}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
    }

    private static readonly string[] FormValues =
    [
        "", " ", "\ud800", "\u0000", "%ED%A0%80", new string('x', 20_000), "findings", "none", "-1", "1e400", "abc", "<script>", "undervaluation", "99999999999999999999999",
        "12,50", "1,250", "1.250,5", "\u0661\u0662\u066b\u0665", "1\u202f250", "12.50",
    ];

    private static readonly string[] FormNames =
        ["ApiKey", "Outcome", "Categories", "Categories[0]", "Revenue", "RevenueConfirmed", "Notes", "Seals[0]", "Seals[99999]", "Containers[0]", "__RequestVerificationToken", "ReturnUrl"];

    private static readonly Gen<(int[] Names, int[] Values, bool Token)> FormGen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, FormNames.Length - 1].Array[1, 4], CsCheck.Gen.Int[0, FormValues.Length - 1].Array[4], CsCheck.Gen.Bool);

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PortalFormsAnswerHostileFieldsWithoutFailingAndStoreOnlyWhatTheyTake(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var mrn = (await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant))).JsonAsync()).GetProperty("mrn").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "examine" })).StatusCode);
        using var anonymous = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signInToken = PortalAccessTests.TokenIn(await anonymous.GetStringAsync("/signin"));
        var (browser, _) = await PortalAccessTests.SignInAsync(node, "officer");
        using var _ = browser;
        var inspectToken = PortalAccessTests.TokenIn(await browser.GetStringAsync($"/Officer/Inspect/{mrn}"));
        var taken = 0;

        foreach (var (names, values, token) in Fuzzing.Cases(FormGen, 60))
        {
            var fields = names.Select((n, i) => new KeyValuePair<string, string>(FormNames[n], FormValues[values[i]])).ToList();
            foreach (var (client, url, formToken) in new[] { (anonymous, "/signin", signInToken), (browser, $"/Officer/Inspect/{mrn}", inspectToken) })
            {
                var form = token ? [.. fields, new("__RequestVerificationToken", formToken)] : fields;
                var name = $"{url} {string.Join('&', form.Select(f => f.Key + "=" + (f.Value.Length > 20 ? f.Value[..20] + "…" : f.Value)))}";
                using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {name}: {text[..Math.Min(text.Length, 400)]}");
                Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
                taken += url.StartsWith("/Officer", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Redirect ? 1 : 0;
            }
        }

        foreach (var (name, content) in new (string, HttpContent)[]
        {
            ("JSON instead of a form", new StringContent("{\"ApiKey\":\"x\"}", Encoding.UTF8, "application/json")),
            ("bytes that are not UTF-8", Fuzzing.Body([.. "ApiKey="u8, 0xFF, 0xFE, .. "&__RequestVerificationToken="u8, .. Encoding.ASCII.GetBytes(Uri.EscapeDataString(signInToken))], "application/x-www-form-urlencoded")),
            ("an empty body", new ByteArrayContent([])),
            ("a truncated multipart form", Fuzzing.Body("--b\r\nContent-Disposition: form-data; name=\"ApiKey\"\r\n\r\nx"u8.ToArray(), "multipart/form-data; boundary=b")),
        })
        {
            using var response = await anonymous.PostAsync("/signin", content);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for /signin with {name}");
        }

        var inspections = (await officer.GetFromJsonAsync<JsonElement>($"/api/declarations/{mrn}")).GetProperty("risk").GetProperty("inspections");
        Assert.Equal(taken, inspections.GetArrayLength());
    }
}

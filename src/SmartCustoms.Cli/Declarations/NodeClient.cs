using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Cli.Declarations;

/// <summary>The node's lodging endpoint, with every answer (and every way of not getting one) turned into an outcome.</summary>
internal sealed class NodeClient(HttpClient http, string serverText)
{
    /// <summary>Long enough for a node under load to commit, short enough that a hung node does not hang a script.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static HttpClient CreateHttp(Uri server, string apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = server,
            Timeout = Timeout,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/problem+json");
        http.DefaultRequestHeaders.UserAgent.ParseAdd("smartcustoms-cli");
        return http;
    }

    public async Task<LodgeOutcome> LodgeAsync(DeclarationFile file, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        try
        {
            using var response = await http.PostAsync(new Uri("api/declarations", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            return Interpret(file.Path, response.StatusCode, response.ReasonPhrase, body);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            var reason = ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } ? "connection refused" : ex.Message;
            return LodgeOutcome.Failure(file.Path, LodgeResult.NodeProblem,
                $"cannot connect to the node at {serverText} ({reason}). Is it running, and is --server right?");
        }
        catch (HttpRequestException ex)
        {
            return LodgeOutcome.Failure(file.Path, LodgeResult.Refused, $"the exchange with {serverText} failed: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LodgeOutcome.Failure(file.Path, LodgeResult.Refused,
                string.Create(CultureInfo.InvariantCulture, $"no answer from {serverText} within {Timeout.TotalSeconds} s; it may still have been lodged, so lodge it again to find out"));
        }
    }

    private LodgeOutcome Interpret(string path, HttpStatusCode status, string? reason, JsonElement? body)
    {
        if (status is HttpStatusCode.Created or HttpStatusCode.OK && body is { ValueKind: JsonValueKind.Object } lodged)
        {
            return new LodgeOutcome
            {
                Path = path,
                Result = status == HttpStatusCode.Created ? LodgeResult.Created : LodgeResult.AlreadyLodged,
                Mrn = Text(lodged, "mrn"),
                Status = Text(lodged, "status"),
                Warnings = Issues(lodged, "warnings", IssueSeverity.Warning),
                Detail = lodged.TryGetProperty("duties", out var duties) && duties.ValueKind == JsonValueKind.Object ? DutyLine(duties) : null,
            };
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return LodgeOutcome.Failure(path, LodgeResult.NodeProblem,
                $"the node at {serverText} did not accept the API key (401); check --api-key or SMARTCUSTOMS_API_KEY.");
        }

        var code = string.Create(CultureInfo.InvariantCulture, $"{(int)status} {reason}").TrimEnd();
        if (body is not { ValueKind: JsonValueKind.Object } problem)
        {
            var hint = status == HttpStatusCode.Forbidden ? ": only a trader key may lodge declarations" : "";
            return LodgeOutcome.Failure(path, LodgeResult.Refused, code + hint);
        }

        var errors = Issues(problem, "errors", IssueSeverity.Error);
        // With errors listed, the detail only counts or repeats them.
        var explanation = errors.Count > 0 ? Text(problem, "title") : Text(problem, "detail") ?? Text(problem, "title");
        return new LodgeOutcome
        {
            Path = path,
            Result = LodgeResult.Refused,
            Detail = string.IsNullOrEmpty(explanation) ? code : $"{code}: {explanation}",
            Errors = errors,
        };
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, say: the status code alone still tells the user something.
            return null;
        }
    }

    /// <summary>The issues a node lists under <paramref name="name"/> (a problem's <c>errors</c>, an acceptance's <c>warnings</c>).</summary>
    private static List<Issue> Issues(JsonElement parent, string name, IssueSeverity severity) =>
        parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
                .Select(i => new Issue(Text(i, "code") ?? "", Text(i, "message") ?? "", Text(i, "pointer") ?? "", severity)
                {
                    Line = i.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number && line.TryGetInt32(out var number) ? number : null,
                })]
            : [];

    private static string? Text(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Null ? null
        : value.GetRawText();

    private static string? DutyLine(JsonElement duties) =>
        duties.TryGetProperty("totalDuty", out var duty) && duty.TryGetDecimal(out var d)
        && duties.TryGetProperty("totalVat", out var vat) && vat.TryGetDecimal(out var v)
            ? string.Create(CultureInfo.InvariantCulture, $"duty {d:0.00} + VAT {v:0.00} = {d + v:0.00} {Text(duties, "currency")}")
            : null;
}

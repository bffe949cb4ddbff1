using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// Exceptions that mean the request was bad, not the node: a body cut short or malformed (chunking, multipart, JSON,
/// UTF-8), a parameter that does not bind, a wrong content type. Each becomes the refusal a client can act on, in
/// words rather than .NET type names; anything else is a bug and is not classified here.
/// </summary>
public static partial class RequestErrors
{
    public static Refusal? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => FromBadRequest(bad),
        JsonException json => Json(json),
        InvalidDataException data => Malformed(data.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) || data.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase)
            ? "The multipart body breaks a limit: " + data.Message
            : "The multipart body is malformed: " + data.Message),
        DecoderFallbackException => Refusal.Single(RefusalKind.Invalid, "Not UTF-8", "The body is not valid UTF-8 text.", "body.encoding"),
        // PostgreSQL stores no NUL character in text (22021) nor \u0000 in JSON (22P05); the statement failed, so nothing was stored.
        Npgsql.PostgresException { SqlState: "22021" or "22P05" } => Refusal.Single(RefusalKind.Invalid, "Text not storable",
            "The text holds the NUL character (\\u0000), which this node does not store; leave it out.", "text.nul"),
        _ => null,
    };

    private static Refusal FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return Json(json);
        }

        var message = bad.Message;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = LimitPattern().Match(message);
            return limit.Success && long.TryParse(limit.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var bytes)
                ? Refusal.TooLarge(bytes)
                : Refusal.Single(RefusalKind.TooLarge, "Body too large", "The body is larger than this endpoint accepts.", "body.too-large");
        }

        if (bad.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            return Refusal.Single(RefusalKind.Invalid, "Body too slow", "The body arrived too slowly; send it again at a steady rate.", "body.too-slow");
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType || message.StartsWith("Expected a supported", StringComparison.Ordinal))
        {
            return Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported media type",
                "This endpoint reads a JSON body: send it with Content-Type: application/json.", "media-type.unsupported");
        }

        if (BindPattern().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return Refusal.Single(RefusalKind.Invalid, "Invalid parameter",
                $"'{Shorten(bind.Groups["value"].Value)}' is not a valid value for '{name}': it must be {JsonErrors.Words(bind.Groups["type"].Value)}.", "parameter.invalid", "/" + name);
        }

        if (RequiredPattern().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return Refusal.Single(RefusalKind.Invalid, "Missing parameter", $"'{name}' is required.", "parameter.required", "/" + name);
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal)
            || (message.StartsWith("Required parameter", StringComparison.Ordinal) && message.Contains("body", StringComparison.Ordinal)))
        {
            return Refusal.EmptyBody();
        }

        if (message.StartsWith("Failed to read parameter", StringComparison.Ordinal))
        {
            return Malformed("The body could not be read as this endpoint expects (JSON, or a form where the endpoint says so).");
        }

        // Kestrel's own words about the framing (chunk sizes, unexpected end of content) name no .NET type.
        return Malformed("The request body is malformed: " + message.TrimEnd('.') + ".");
    }

    private static Refusal Json(JsonException json) =>
        Refusal.Invalid("The body could not be read.", [JsonErrors.Issue("json.invalid", json)]);

    private static Refusal Malformed(string detail) =>
        Refusal.Single(RefusalKind.Invalid, "Malformed request", detail, "body.malformed");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindPattern();

    [GeneratedRegex("""^Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided from (?<source>query string|route|header|form)""")]
    private static partial Regex RequiredPattern();

    [GeneratedRegex("""(\d+) bytes""")]
    private static partial Regex LimitPattern();
}

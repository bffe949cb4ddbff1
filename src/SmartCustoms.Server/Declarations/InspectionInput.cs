using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

/// <summary>An inspection result as an officer sends it (JSON alone, or the <c>result</c> part of a multipart form with files).</summary>
public sealed record InspectionRequest
{
    /// <summary>True when the control found something wrong; then at least one category is named.</summary>
    public bool? Findings { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Duties and taxes that would have been lost, in national currency.</summary>
    public decimal? RevenueAtStake { get; init; }
    public string? Notes { get; init; }

    /// <summary>The seals on the containers after the control (affixed, or found intact); sent to the destination's administration with the result.</summary>
    public IReadOnlyList<ContainerSeals>? Seals { get; init; }
}

/// <summary>A checked inspection result with its evidence files, or the errors to answer with.</summary>
public sealed record InspectionInput(bool Findings, IReadOnlyList<FindingCategory> Categories, decimal Revenue, string? Notes, IReadOnlyList<NewEvidence> Evidence)
{
    public const int MaxFiles = 20;
    public const int MaxSealedContainers = 99;
    public const int MaxSealsPerContainer = 20;
    public const int MaxSealLength = 35;

    /// <summary>The seals on the containers after the control, normalised (trimmed, upper case); empty when none were named.</summary>
    public IReadOnlyList<ContainerSeals> Seals { get; init; } = [];
    public const int MaxNotesLength = 4000;
    public const decimal MaxRevenue = 1_000_000_000_000m;
    private const int MaxFileNameLength = 200;
    private const int MaxResultPartBytes = 64 * 1024;

    /// <summary>RFC 2046 caps a boundary at 70 characters.</summary>
    public const int MaxBoundaryLength = 70;

    /// <summary>A part carries Content-Disposition and Content-Type, and perhaps a few more; not dozens.</summary>
    public const int MaxPartHeaders = 16;
    public const int MaxPartHeaderBytes = 8 * 1024;

    /// <summary>Reads <c>application/json</c>, or <c>multipart/form-data</c> with a <c>result</c> JSON part and file parts.</summary>
    public static async Task<Outcome<InspectionInput>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        var isMultipart = mediaType?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        var isJson = mediaType is null || mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        if (!isMultipart && !isJson)
        {
            return Refusal.Single(RefusalKind.UnsupportedMediaType, "Unsupported media type",
                "Send the result as application/json, or as multipart/form-data with a 'result' JSON part and the evidence files.", "body.media-type", "");
        }

        var body = await BodyReader.ReadAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return body.Refusal;
        }

        if (!isMultipart)
        {
            return Check(body.Value, []);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType!.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Invalid("multipart.boundary", "The multipart body has no boundary parameter.", "");
        }

        if (boundary.Length > MaxBoundaryLength)
        {
            return Invalid("multipart.boundary", $"The multipart boundary is at most {MaxBoundaryLength} characters.", "");
        }

        return await ReadPartsAsync(boundary, body.Value, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The parts of a multipart body: a framing the reader cannot follow is refused in words, never thrown.</summary>
    private static async Task<Outcome<InspectionInput>> ReadPartsAsync(string boundary, byte[] body, int maxBytes, CancellationToken cancellationToken)
    {
        byte[]? result = null;
        var files = new List<NewEvidence>();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body))
            {
                HeadersCountLimit = MaxPartHeaders,
                HeadersLengthLimit = MaxPartHeaderBytes,
                BodyLengthLimit = maxBytes,
            };
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    return Invalid("multipart.part", "Each part needs a Content-Disposition header.", "");
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                if (disposition.IsFileDisposition())
                {
                    if (files.Count == MaxFiles)
                    {
                        return Invalid("evidence.too-many", $"At most {MaxFiles} evidence files per inspection result.", "/evidence");
                    }

                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    files.Add(EvidenceFile(name, section.ContentType, content.ToArray(), files.Count + 1));
                }
                else if (string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "result", StringComparison.Ordinal))
                {
                    if (content.Length > MaxResultPartBytes)
                    {
                        return Invalid("result.too-large", $"The 'result' part is at most {MaxResultPartBytes} bytes.", "/result");
                    }

                    result = content.ToArray();
                }
            }
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("headers count limit", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("multipart.headers", $"A part has more than {MaxPartHeaders} headers.", "");
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("headers length limit", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("line length limit", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("multipart.headers", $"A part's headers are longer than {MaxPartHeaderBytes} bytes.", "");
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.TooLarge(maxBytes);
        }
        catch (InvalidDataException)
        {
            return Invalid("multipart.invalid", "The multipart body is malformed: a part's headers do not read as 'Name: value' lines.", "");
        }
        catch (IOException)
        {
            return Invalid("multipart.invalid",
                "The multipart body ends before its closing boundary (--boundary--): it is cut short, its boundary differs from the Content-Type's, or its lines do not end with CRLF.", "");
        }

        return result is null
            ? Invalid("result.required", "The multipart body needs a 'result' part with the inspection result as JSON.", "/result")
            : Check(result, files);
    }

    private static Outcome<InspectionInput> Check(byte[] json, IReadOnlyList<NewEvidence> files)
    {
        InspectionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<InspectionRequest>(json, DeclarationJson.Options);
        }
        catch (JsonException ex)
        {
            return Refusal.Invalid("The inspection result could not be read.", [JsonErrors.Issue("json.invalid", ex)]);
        }

        if (request is null)
        {
            return Invalid("json.invalid", "The inspection result is empty.", "");
        }

        var nulls = NullElements.Find(request, DeclarationJson.Options.PropertyNamingPolicy);
        if (nulls.Count > 0)
        {
            return Refusal.Invalid("The inspection result has errors.", nulls);
        }

        return Check(request, files);
    }

    /// <summary>Checks a result as the API reads it or as the web portal's form gives it; every error points at its field.</summary>
    public static Outcome<InspectionInput> Check(InspectionRequest request, IReadOnlyList<NewEvidence> files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > MaxFiles)
        {
            return Invalid("evidence.too-many", $"At most {MaxFiles} evidence files per inspection result.", "/evidence");
        }

        var errors = new List<Issue>();
        var categories = new List<FindingCategory>();
        for (var i = 0; i < (request.Categories?.Count ?? 0); i++)
        {
            if (FindingCategories.TryParse(request.Categories![i], out var category))
            {
                if (!categories.Contains(category))
                {
                    categories.Add(category);
                }
            }
            else
            {
                errors.Add(new("category.unknown", $"'{request.Categories[i]}' is not a finding category; use one of {string.Join(", ", FindingCategories.Names)}.",
                    string.Create(CultureInfo.InvariantCulture, $"/categories/{i}")));
            }
        }

        var revenue = request.RevenueAtStake ?? 0m;
        switch (request.Findings)
        {
            case null:
                errors.Add(new("findings.required", "Say whether the control found anything: findings is true or false.", "/findings"));
                break;
            case true when categories.Count == 0 && errors.Count == 0:
                errors.Add(new("categories.required", "Findings need at least one category.", "/categories"));
                break;
            case false when categories.Count > 0 || revenue != 0m:
                errors.Add(new("findings.inconsistent", "A control without findings has no categories and no revenue at stake.", "/findings"));
                break;
        }

        if (revenue is < 0m or > MaxRevenue)
        {
            errors.Add(new("revenue.out-of-range", "revenueAtStake is an amount in national currency, from 0 to 10^12.", "/revenueAtStake"));
        }

        if (request.Notes is { Length: > MaxNotesLength })
        {
            errors.Add(new("notes.too-long", $"notes are at most {MaxNotesLength} characters.", "/notes"));
        }

        var seals = CheckSeals(request.Seals ?? [], errors);
        if (errors.Count > 0)
        {
            return Refusal.Invalid("The inspection result has errors.", errors);
        }

        return new InspectionInput(request.Findings!.Value, categories, revenue, string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes, files)
        {
            Seals = seals,
        };
    }

    private static List<ContainerSeals> CheckSeals(IReadOnlyList<ContainerSeals> given, List<Issue> errors)
    {
        var seals = new List<ContainerSeals>();
        if (given.Count > MaxSealedContainers)
        {
            errors.Add(new("seals.too-many", $"At most {MaxSealedContainers} containers' seals per inspection result.", "/seals"));
            return seals;
        }

        for (var i = 0; i < given.Count; i++)
        {
            var entry = given[i];
            var pointer = string.Create(CultureInfo.InvariantCulture, $"/seals/{i}");
            var container = ContainerSeals.Normalise(entry?.Container);
            if (container.Length is 0 or > 17)
            {
                errors.Add(new("seals.container", "Name the container the seals are on (its number, at most 17 characters).", pointer + "/container"));
                continue;
            }

            var ids = (entry!.Seals ?? []).Select(ContainerSeals.Normalise).ToList();
            if (ids.Count is 0 or > MaxSealsPerContainer || ids.Any(id => id.Length is 0 or > MaxSealLength))
            {
                errors.Add(new("seals.ids", $"Give 1 to {MaxSealsPerContainer} seal numbers for {container}, each 1 to {MaxSealLength} characters.", pointer + "/seals"));
                continue;
            }

            if (seals.Any(s => s.Container == container))
            {
                errors.Add(new("seals.duplicate", $"Container {container} is named twice.", pointer + "/container"));
                continue;
            }

            seals.Add(new ContainerSeals { Container = container, Seals = [.. ids.Distinct(StringComparer.Ordinal)] });
        }

        return seals;
    }

    /// <summary>An evidence file with a name safe to show and offer back, a checked media type and the SHA-256 of its content.</summary>
    public static NewEvidence EvidenceFile(string? name, string? contentType, byte[] content, int index)
    {
        // Keep the last path segment only, without control characters: the name is shown and offered back on download.
        var safe = new StringBuilder();
        foreach (var c in Path.GetFileName((name ?? "").Replace('\\', '/').Split('/')[^1]))
        {
            if (!char.IsControl(c) && c != '"')
            {
                safe.Append(c);
            }
        }

        var fileName = safe.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"evidence-{index}") : safe.ToString(0, Math.Min(safe.Length, MaxFileNameLength));
        var type = MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Value is { Length: <= 100 } m && m.Contains('/', StringComparison.Ordinal)
            ? m.ToLowerInvariant()
            : "application/octet-stream";
        return new NewEvidence(fileName, type, Convert.ToHexStringLower(SHA256.HashData(content)), content);
    }

    private static Refusal Invalid(string code, string message, string pointer) =>
        Refusal.Invalid("The inspection result could not be read.", [new Issue(code, message, pointer)]);
}

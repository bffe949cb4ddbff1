using Microsoft.AspNetCore.Http.Features;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Declarations;

/// <summary>Reads a request body whole, refusing it as soon as it passes the limit (413), whatever Content-Length says.</summary>
public static class BodyReader
{
    public static async Task<Outcome<byte[]>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return Refusal.TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream(capacity: (int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return Refusal.TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refusal.TooLarge(maxBytes);
        }

        if (buffer.Length == 0)
        {
            return Refusal.Single(RefusalKind.Invalid, "Empty body", "The request has no body.", "body.empty", "");
        }

        return buffer.ToArray();
    }
}

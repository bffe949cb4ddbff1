using System.Net;
using System.Text;

namespace SmartCustoms.Server.Tests.Infrastructure;

/// <summary>A body of unknown length, sent chunked: the client does not say how large it is, so the server must count.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _head;
    private readonly byte _fill;
    private readonly long _length;

    /// <param name="head">The body's first bytes; the rest up to <paramref name="length"/> is <paramref name="fill"/>.</param>
    public ChunkedContent(string head, char fill, long length, string mediaType = "application/json")
    {
        _head = Encoding.UTF8.GetBytes(head);
        _fill = (byte)fill;
        _length = length;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_head);
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, _fill);
        for (var left = _length - _head.Length; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

using System.Net;
using System.Text;

namespace SmartCustoms.Benchmarks.Limits;

/// <summary>A body of <c>length</c> bytes made on the fly (a JSON string opened and filled with 'a'), so the client holds none of it.</summary>
internal sealed class FilledContent : HttpContent
{
    private readonly byte[] _head;
    private readonly long _length;
    private readonly bool _chunked;

    public FilledContent(string head, long length, bool chunked)
    {
        _head = Encoding.UTF8.GetBytes(head);
        _length = length;
        _chunked = chunked;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_head).ConfigureAwait(false);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (var left = _length - _head.Length; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left))).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return !_chunked;
    }
}

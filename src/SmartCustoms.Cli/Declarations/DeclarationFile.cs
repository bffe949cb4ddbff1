using System.Globalization;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Cli.Declarations;

/// <summary>A declaration file as the node would receive it: its bytes and the format sniffed from them.</summary>
internal sealed record DeclarationFile(string Path, byte[] Bytes, DeclarationFormat Format)
{
    /// <summary>The node's default <c>Limits:MaxDeclarationBytes</c>; a larger file would only be refused after uploading.</summary>
    public const int MaxBytes = 1024 * 1024;

    public string ContentType => Format == DeclarationFormat.WcoXml ? "application/xml" : "application/json";

    /// <summary>Reads a file, or says why it could not: <c>TooLarge</c> tells a refused file from an unreadable one.</summary>
    public static async Task<(DeclarationFile? File, string? Problem, bool TooLarge)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, Directory.Exists(path) ? "a folder, not a file" : "no such file", false);
            }

            if (info.Length > MaxBytes)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"{info.Length:N0} bytes; nodes refuse declarations over 1 MiB ({MaxBytes:N0} bytes)"), true);
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return (new DeclarationFile(path, bytes, DeclarationDocument.Sniff(bytes)), null, false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read it: " + ex.Message, false);
        }
    }
}

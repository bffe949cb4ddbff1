using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Secrets;
using SmartCustoms.Storage.Secrets;

namespace SmartCustoms.Server.Portal;

/// <summary>
/// The data-protection key ring that seals the portal's session cookies, kept in the database so that a cookie issued
/// by one server is read by every other. ASP.NET hands each key's secret part to <see cref="PortalKeyEncryptor"/>
/// before it calls <see cref="StoreElement"/>; the rows hold no key in plain text.
/// </summary>
public sealed partial class PortalKeyRing(
    INodeSecretStore store, SecretProtector protector, IOptions<SmartCustomsOptions> options, TimeProvider clock, ILogger<PortalKeyRing> logger)
    : IXmlRepository
{
    /// <summary>The folder of the versions that kept the ring in the data folder; imported once, then no longer read.</summary>
    public const string LegacyFolder = "portal-keys";

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    // The interface is synchronous; the data-protection system calls it when it loads or renews its ring, not per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListAsync(NodeSecret.DataProtectionKey, CancellationToken.None).GetAwaiter().GetResult().Select(s => XElement.Parse(s.Secret))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var secret = new NodeSecret(NodeSecret.DataProtectionKey, friendlyName, clock.GetUtcNow(), null, element.ToString(SaveOptions.DisableFormatting));
        store.AddAsync(secret, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>On the first start after an upgrade: the data folder's keys go to the database, their secret parts encrypted, so that sessions survive.</summary>
    public async Task ImportLegacyAsync(CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(Path.Combine(Path.GetFullPath(options.Value.DataDirectory), LegacyFolder));
        if (!folder.Exists || (await store.ListAsync(NodeSecret.DataProtectionKey, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        var encryptor = new PortalKeyEncryptor(protector);
        var keys = new List<NodeSecret>();
        foreach (var file in folder.GetFiles("*.xml"))
        {
            var element = XElement.Load(file.FullName);
            // The file system kept the key material in the clear, marked as needing encryption: seal those parts now.
            foreach (var secret in element.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
            {
                var encrypted = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }

            keys.Add(new NodeSecret(NodeSecret.DataProtectionKey, Path.GetFileNameWithoutExtension(file.Name), file.CreationTimeUtc, null,
                element.ToString(SaveOptions.DisableFormatting)));
        }

        if (keys.Count > 0 && await store.AddFirstAsync(NodeSecret.DataProtectionKey, keys, cancellationToken).ConfigureAwait(false))
        {
            LogImported(logger, keys.Count, folder.FullName);
        }
    }

    [LoggerMessage(EventId = 112, EventName = "PortalKeysImported", Level = LogLevel.Warning,
        Message = "Imported {Count} portal session key(s) from {Folder} into the database (encrypted); the folder is no longer used and can be deleted once backed up")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}

/// <summary>Encrypts a data-protection key's secret part with the node's secrets key, as the key ring is written.</summary>
public sealed class PortalKeyEncryptor(SecretProtector protector) : IXmlEncryptor
{
    internal const string Kind = "data-protection-secret";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedText = protector.Protect(Kind, "", Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(new XElement("sealed", sealedText), typeof(PortalKeyDecryptor));
    }
}

/// <summary>Made by the data-protection system (by the type name written beside each encrypted key) to read the key ring back.</summary>
public sealed class PortalKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var protector = services.GetRequiredService<SecretProtector>();
        return XElement.Parse(Encoding.UTF8.GetString(protector.Unprotect(PortalKeyEncryptor.Kind, "", encryptedElement.Value)));
    }
}

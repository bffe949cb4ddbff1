using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The one line told to the operator when the node cannot start: which setting is at fault and how to fix it. Only
/// failures of set-up are described; anything else (a bug) keeps its stack trace.
/// </summary>
public static class StartupFailure
{
    /// <summary>The line to print, or null when <paramref name="exception"/> is no set-up failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        NodeStartupException startup => startup.Message,
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            OneLine(binding.Message) + " Fix it in appsettings.json, the environment or the command line.",
        IOException bind when bind.InnerException is AddressInUseException || bind.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            OneLine(bind.Message) + " Another process holds that port: stop it, or choose another with --urls (setting Urls), e.g. --urls http://127.0.0.1:5081.",
        PostgresException refused =>
            $"PostgreSQL refused the node ({refused.SqlState}: {OneLine(refused.MessageText)}); check Database, Username and Password in ConnectionStrings:SmartCustoms.",
        NpgsqlException unreachable =>
            $"PostgreSQL is unreachable ({OneLine(unreachable.Message)}{(unreachable.InnerException is { } inner ? ": " + OneLine(inner.Message) : "")}); check Host and Port in ConnectionStrings:SmartCustoms and that the server is running.",
        _ => null,
    };

    private static string OneLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}

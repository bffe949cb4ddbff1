using Scalar.AspNetCore;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Aeo;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Health;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Portal;
using SmartCustoms.Server.Postal;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Tariffs;

try
{
    // Settings files ship beside the binaries; the working directory is the operator's (it holds ./data).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddSmartCustoms();

    var app = builder.Build();
    await app.Services.GetRequiredService<NodeInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseBodyLimits();
    app.UsePortalAssets();
    app.UseUnsupportedMediaTypeProblems();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapNodeHealth();
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference("/docs").AllowAnonymous();

    app.MapKeys();
    app.MapDeclarations();
    app.MapTariff();
    app.MapRiskCriteria();
    app.MapRiskLanes();
    app.MapRiskPerformance();
    app.MapRiskProposals();
    app.MapModels();
    app.MapExchange();
    app.MapAeo();
    app.MapPostal();
    app.MapPortal();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    // A node that cannot start says why in one line (setting and fix) and exits 1: no stack trace to read through.
    await Console.Error.WriteLineAsync(line);
    return 1;
}

/// <summary>Entry point, public so that tests can host the node in process.</summary>
public partial class Program;

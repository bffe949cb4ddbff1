using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Portal;

/// <summary>The web portal: server-rendered Razor Pages under <c>Portal/</c>, one folder per role, each folder held to its role.</summary>
public static class PortalServices
{
    // Room for the multipart framing and the form's other fields around the uploaded files.
    private const int FormOverheadBytes = 64 * 1024;

    // A criterion of up to 64 KiB (the API's limit) in a URL-encoded form, where one character may take three bytes.
    private const int CriterionFormBytes = (3 * 64 * 1024) + FormOverheadBytes;

    public static IServiceCollection AddSmartCustomsPortal(this IServiceCollection services, SmartCustomsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Portal";
            pages.Conventions.AuthorizeFolder("/Officer", PortalAuthentication.OfficerPolicy);
            pages.Conventions.AuthorizeFolder("/Trader", PortalAuthentication.TraderPolicy);
            pages.Conventions.AuthorizeFolder("/Analyst", PortalAuthentication.AnalystPolicy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Denied");
            pages.Conventions.AllowAnonymousToPage("/Statistics");
            // Uploads are held to the node's own limits before the form is read (the antiforgery check reads it first).
            pages.Conventions.AddPageApplicationModelConvention("/Trader/Lodge", page =>
                LimitBody(page.Filters, options.Limits.MaxDeclarationBytes + FormOverheadBytes));
            pages.Conventions.AddPageApplicationModelConvention("/Officer/Inspect", page =>
                LimitBody(page.Filters, options.Limits.MaxEvidenceBytes + FormOverheadBytes));
            pages.Conventions.AddPageApplicationModelConvention("/Analyst/Criterion", page => LimitBody(page.Filters, CriterionFormBytes));
            pages.Conventions.AddPageApplicationModelConvention("/Analyst/Proposals", page => LimitBody(page.Filters, CriterionFormBytes));
            pages.Conventions.AddPageApplicationModelConvention("/SignIn", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.SignIn)));
            pages.Conventions.AddPageApplicationModelConvention("/Statistics", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Statistics)));
            pages.Conventions.ConfigureFilter(new PortalHeaders());
        });
        // Session cookies stay readable across restarts and servers: the keys that protect them live in the database, encrypted.
        services.AddDataProtection().SetApplicationName("SmartCustoms");
        services.AddSingleton<PortalKeyRing>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = sp.GetRequiredService<PortalKeyRing>();
            o.XmlEncryptor = new PortalKeyEncryptor(sp.GetRequiredService<SmartCustoms.Server.Secrets.SecretProtector>());
        }));
        return services;
    }

    private static void LimitBody(IList<IFilterMetadata> filters, int bytes)
    {
        filters.Add(new RequestSizeLimitAttribute(bytes));
        filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes });
    }

    /// <summary>The stylesheet, shipped beside the binaries and served without sign-in.</summary>
    public static IApplicationBuilder UsePortalAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Portal", "Assets")),
            RequestPath = "/assets",
        });

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }

    /// <summary>Pages run no script and are never framed: the browser is told so, which blunts injected markup and clickjacking.</summary>
    private sealed class PortalHeaders : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

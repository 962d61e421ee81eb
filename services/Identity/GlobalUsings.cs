// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using Cro.Identity.Data;
global using Cro.ServiceDefaults;
global using Cro.ServiceDefaults.Security;
global using Microsoft.AspNetCore.Identity;
global using Npgsql;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;

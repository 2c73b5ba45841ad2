package vn.cascade.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, and the one login.
 * <ul>
 *   <li>Everything a person opens in a browser — Cascade's pages ({@code /}, {@code /dashboard},
 *       {@code /outbox}, {@code /assignments/...}) and the Camunda webapps ({@code /camunda/**}: Tasklist,
 *       Cockpit, Admin, Welcome) — sits behind one Vietnamese login page ({@code /login}), one session.
 *       The webapps learn who is logged in through Camunda's container-based authentication
 *       ({@link SpringSessionAuthenticationProvider}); their own login endpoint is closed, and their
 *       *Đăng xuất* ends the whole session ({@link WebappLogoutFilter}). CSRF: Spring's token on Cascade's
 *       pages, Camunda's ({@code XSRF-TOKEN} cookie and header) on the webapps' API.</li>
 *   <li>{@code /api/**}: HTTP Basic against the Camunda users for other systems, or the browser's
 *       session (writes with a session need Spring's CSRF token); 401/403 as problem details, a
 *       browser without a session is sent to the login page instead of a password prompt.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own HTTP Basic filter against the identity service.</li>
 *   <li>Both engine API surfaces: {@link EngineApiGuard} for non-administrators, {@link EngineErrorBodies}.</li>
 *   <li>Every login: {@link LoginThrottle} per user and address.</li>
 * </ul>
 */
@Configuration
class SecurityConfig {

  /** The servlet of the webapps' engine API ({@code /camunda/api/engine/*}), as Camunda's starter names it. */
  static final String WEBAPP_ENGINE_API_SERVLET = "Engine Api";

  static final String ENGINE_REST_BASIC =
      "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider";

  /** The webapps' own login form, replaced by Cascade's: answered 404 to everyone. */
  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/**";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(json, response,
        HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập", "Cần đăng nhập (HTTP Basic hoặc phiên đăng nhập của trang).");
    AccessDeniedHandler forbidden = (request, response, e) -> problem(json, response,
        HttpServletResponse.SC_FORBIDDEN, "Không có quyền", "Tài khoản này không được phép thực hiện thao tác này.");
    RequestMatcher browser = SecurityConfig::wantsPage;
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
            .defaultAuthenticationEntryPointFor(unauthorized, AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(forbidden))
        // A browser's session may read the API; a write with the session alone needs the page's CSRF
        // token. Other systems send HTTP Basic, which a cross-site form cannot.
        .csrf(c -> c.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
            && request.getHeader("Authorization") == null))
        .requestCache(r -> r.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    RequestMatcher webappApi = request -> path(request).startsWith("/camunda/api/");
    ReturnToPage returnToPage = new ReturnToPage();
    return http.securityMatcher(request -> {
          String path = path(request);
          return !path.startsWith("/engine-rest/") && !path.equals("/engine-rest");
        })
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/error", "/cascade/**", "/favicon.ico").permitAll()
            .requestMatchers(WEBAPP_LOGIN).denyAll()
            .requestMatchers("/outbox", "/outbox/**").hasAnyAuthority("GROUP_vp-ubnd", "GROUP_camunda-admin")
            // The directory of agencies (agency/AgencyAdminController): administrators only.
            .requestMatchers("/admin", "/admin/**").hasAuthority("GROUP_camunda-admin")
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").successHandler(returnToPage).permitAll())
        .requestCache(r -> r.requestCache(returnToPage.requestCache()))
        .httpBasic(b -> b.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .exceptionHandling(e -> e
            // Tasklist's XHRs get 401, as from Camunda's own login; pages go to the login page.
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                AnyRequestMatcher.INSTANCE)
            .defaultAccessDeniedHandlerFor((request, response, denied) -> response.sendError(
                request.getRequestURI().contains("/auth/user/") ? 404 : 403), webappApi)
            .defaultAccessDeniedHandlerFor(new ExpiredFormHandler(), AnyRequestMatcher.INSTANCE))
        // The webapps' API has Camunda's CSRF protection (its XSRF-TOKEN cookie and header); a second,
        // Spring's, would need the same header name and break one or the other.
        .csrf(c -> c.ignoringRequestMatchers(request -> path(request).startsWith("/camunda/")))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").invalidateHttpSession(true)
            .clearAuthentication(true))
        // Camunda's webapps set their own security headers and embed nothing from elsewhere.
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /** The error pages' attributes, with whether a 403 was an expired form's ({@link ExpiredFormHandler}). */
  @Bean
  ExpiredFormHandler.Attributes errorAttributes() {
    return new ExpiredFormHandler.Attributes();
  }

  /**
   * Camunda's container-based authentication: the webapps take Spring Security's user (after
   * Spring's filter chain, before the webapps' own filters, which Camunda's starter appends).
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsTrustTheOneLogin() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("container-based-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSessionAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** The webapps' *Đăng xuất* ends the one session. */
  @Bean
  FilterRegistrationBean<WebappLogoutFilter> webappLogoutEndsTheSession() {
    FilterRegistrationBean<WebappLogoutFilter> registration = new FilterRegistrationBean<>(new WebappLogoutFilter());
    registration.setName("webapp-logout");
    registration.addUrlPatterns(WebappLogoutFilter.URL_PATTERN);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }

  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The path of an absolute or relative URL of this application, without context path and query. */
  static String path(HttpServletRequest request, String url) {
    String path = java.net.URI.create(url).getPath();
    return path == null ? "" : path.substring(Math.min(path.length(), request.getContextPath().length()));
  }

  /** A browser navigating (it asks for HTML), not a program calling the API. */
  static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
        && request.getHeader("Authorization") == null;
  }

  /** Camunda's REST API answers nobody without a password. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", ENGINE_REST_BASIC);
    return registration;
  }

  /** Wrong passwords on Camunda's own login (engine-rest Basic) slow the next try; Cascade's login page checks the throttle itself. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
    registration.setName("login-throttling");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Camunda checks the password
    return registration;
  }

  /**
   * What agencies may do through the engine API: mapped to the two API servlets by name, so that it
   * runs after every URL-mapped filter, Camunda's authentication of both surfaces included (the
   * webapps' filters are appended after ours, so no order could place it behind them).
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(ProcessEngine engine, LoginThrottle throttle,
      ObjectMapper json, @Qualifier("jerseyServletRegistration") ServletRegistrationBean<?> engineRest) {
    FilterRegistrationBean<EngineApiGuard> registration =
        new FilterRegistrationBean<>(new EngineApiGuard(engine, throttle, json));
    registration.setName("engine-api-guard");
    registration.addServletNames(engineRest.getServletName(), WEBAPP_ENGINE_API_SERVLET);
    return registration;
  }

  /** Outside the guard and the task submission filter: rewrites what the engine answered last. */
  @Bean
  FilterRegistrationBean<EngineErrorBodies> engineErrorBodies(ObjectMapper json) {
    FilterRegistrationBean<EngineErrorBodies> registration = new FilterRegistrationBean<>(new EngineErrorBodies(json));
    registration.setName("engine-error-bodies");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title,
      String detail) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Cascade\", charset=\"UTF-8\"");
    }
    json.writeValue(response.getOutputStream(), Map.of("type", "urn:cascade:problem:"
        + (status == 401 ? "unauthenticated" : "forbidden"), "title", title, "status", status, "detail", detail));
  }
}

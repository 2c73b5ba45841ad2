package vn.cascade.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may reach what.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against the Camunda users, stateless; 401/403 as problem details.</li>
 *   <li>Cascade's pages ({@code /dashboard}, {@code /outbox}): a Vietnamese login form (or Basic), with CSRF.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own HTTP Basic filter against the identity service.</li>
 *   <li>The Camunda webapps ({@code /camunda/**}) keep their own session login and CSRF protection.</li>
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

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(json, response,
        HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập", "Cần đăng nhập (HTTP Basic, tài khoản Camunda).");
    AccessDeniedHandler forbidden = (request, response, e) -> problem(json, response,
        HttpServletResponse.SC_FORBIDDEN, "Không có quyền", "Tài khoản này không được phép thực hiện thao tác này.");
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/dashboard", "/dashboard/**", "/outbox", "/outbox/**", "/assignments/**", "/login",
            "/logout")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login").permitAll()
            .requestMatchers("/outbox", "/outbox/**").hasAnyAuthority("GROUP_vp-ubnd", "GROUP_camunda-admin")
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dashboard").permitAll())
        .httpBasic(Customizer.withDefaults())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .build();
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

  /** Wrong passwords on Camunda's own logins (engine-rest Basic, the webapps' login form) slow the next try. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
    registration.setName("login-throttling");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/user/*");
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

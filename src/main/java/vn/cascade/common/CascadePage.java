package vn.cascade.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of Cascade's pages for people: its pages get the shared header (who is logged in,
 * where to go, *Đăng xuất*), see {@code dashboard/DashboardAdvice}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CascadePage {
}
